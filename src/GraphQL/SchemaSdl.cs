using CiteGraph.Graph.Storage;
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

    /// <summary>Prints the schema without a store: resolvers are never called while printing.</summary>
    public static string Print(IGraphStore store)
    {
        using var services = new ServiceCollection().AddSingleton(store).AddCiteGraphQL().BuildServiceProvider();
        return Print(services);
    }
}
