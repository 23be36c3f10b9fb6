using CiteGraph.Graph.StoreContract;
using CiteGraph.Graph.Storage;

namespace CiteGraph.Graph.Neo4j.Tests;

/// <summary>
/// The store contract on a real Neo4j 5.26+, the one <c>NEO4J_URI</c> names (e.g. <c>http://localhost:7474</c> of
/// <c>docker compose up neo4j</c>, with <c>NEO4J_USER</c>/<c>NEO4J_PASSWORD</c>; or a whole store URI in
/// <c>CITEGRAPH_STORE</c>). Every test starts from an EMPTY database: point it at a scratch database only. Without
/// <c>NEO4J_URI</c> every test is reported skipped with that reason.
/// </summary>
public sealed class Neo4jGraphStoreContractTests : GraphStoreContractTests
{
    public const string SkipReason =
        "NEO4J_URI is not set: the Neo4j leg of the store contract needs a running Neo4j 5.26+ (docker compose up neo4j; NEO4J_URI=http://localhost:7474 NEO4J_USER=neo4j NEO4J_PASSWORD=…). It empties that database.";

    protected override async Task<IGraphStore> CreateStoreAsync()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("NEO4J_URI")))
        {
            Assert.Skip(SkipReason);
        }

        var location = new GraphStoreProviders([Neo4jStoreProvider.Instance]).Parse(Environment.GetEnvironmentVariable("NEO4J_URI")!, Environment.GetEnvironmentVariable);
        var store = (Neo4jGraphStore)location.Open();
        // A fresh graph per test; the schema (constraints, indexes) stays.
        await store.Client.RunAsync("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", null, Ct);
        return store;
    }
}
