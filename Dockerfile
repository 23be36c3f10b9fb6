# CiteGraph service image: built from this repository (multi-stage), serves GraphQL on port 5000.
#   docker build -t citegraph .        (docker compose up builds it too; see docs/neo4j.md)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# npm bundles GraphiQL for the /graphql page during the Host build (src/Host/graphiql, pinned by its lock file).
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Restore first, from the project files only, so that code changes reuse the restored layer.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Embeddings/Embeddings.csproj src/Embeddings/
COPY src/Graph/Graph.csproj src/Graph/
COPY src/Graph.Sqlite/Graph.Sqlite.csproj src/Graph.Sqlite/
COPY src/Graph.Neo4j/Graph.Neo4j.csproj src/Graph.Neo4j/
COPY src/Loaders/Loaders.csproj src/Loaders/
COPY src/GraphQL/GraphQL.csproj src/GraphQL/
COPY src/Host/Host.csproj src/Host/
RUN dotnet restore src/Host/Host.csproj
COPY src/ src/
# Every Cypher statement the Neo4j store runs; the build copies them to cypher/ beside the assembly.
COPY cypher/ cypher/
RUN dotnet publish src/Host/Host.csproj -c Release --no-restore -o /app \
    && test -f /app/cypher/schema.cypher

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV DOTNET_NOLOGO=1 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 5000
# The aspnet images define a non-root app user.
USER $APP_UID
ENTRYPOINT ["dotnet", "citegraph.dll"]
# Without arguments: the demo corpus in a scratch SQLite file. docker-compose.yml points it at Neo4j instead.
CMD ["serve", "--demo", "--urls", "http://0.0.0.0:5000"]
