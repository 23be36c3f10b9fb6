using CiteGraph.Graph.Storage;
using CiteGraph.GraphQL.Mutations;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;

namespace CiteGraph.GraphQL;

/// <summary>The schema in GraphQL SDL, as checked in at <c>schema.graphql</c> and printed by <c>citegraph schema</c>.</summary>
public static class SchemaSdl
{
    /// <summary>Prints the schema of <paramref name="services"/> (which must have <c>AddCiteGraphQL</c>).</summary>
    public static string Print(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var schema = services.GetRequiredService<CiteGraphSchema>();
        schema.Initialize();
        return schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";
    }

    /// <summary>
    /// Prints the schema without a store (resolvers are never called while printing), with the <c>ingest</c> mutation of
    /// <paramref name="ingest"/> when given (the server's schema: its formats make the <c>SourceFormat</c> enum).
    /// </summary>
    public static string Print(IGraphStore store, IIngestService? ingest = null)
    {
        var collection = new ServiceCollection().AddSingleton(store);
        if (ingest is not null)
        {
            collection.AddSingleton(ingest);
        }

        using var services = collection.AddCiteGraphQL().BuildServiceProvider();
        return Print(services);
    }
}
