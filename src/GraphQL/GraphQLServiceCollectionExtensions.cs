using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Suggest;
using CiteGraph.GraphQL;
using GraphQL;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers CiteGraph's GraphQL schema and execution.</summary>
public static class GraphQLServiceCollectionExtensions
{
    /// <summary>Adds the schema, its types, System.Text.Json serialization and the request limits.</summary>
    /// <returns>The same service collection so that multiple calls can be chained.</returns>
    public static IServiceCollection AddCiteGraphQL(this IServiceCollection services, Action<GraphQLLimitsOptions>? configure = null)
    {
        var limits = new GraphQLLimitsOptions();
        configure?.Invoke(limits);
        services.AddSingleton(limits);
        // Traversal queries read the in-memory snapshot; whoever changes the store rebuilds it.
        services.TryAddSingleton<SnapshotHolder>();
        // Suggested references build their text index once per snapshot; an embedding index plugs in as ISemanticNeighbours.
        services.TryAddSingleton(sp => new SuggestionService(
            sp.GetRequiredService<CiteGraph.Graph.Storage.IGraphStore>(), sp.GetRequiredService<SnapshotHolder>(), sp.GetService<Func<GraphSnapshot, ISemanticNeighbours?>>()));
        services.TryAddSingleton(new CiteGraph.GraphQL.Mutations.ApiKeyOptions());
        services.AddGraphQL(b => b
            .AddSchema<CiteGraphSchema>()
            .AddGraphTypes(typeof(CiteGraphSchema).Assembly)
            .AddSystemTextJson()
            .AddErrorInfoProvider(o => o.ExposeExceptionDetails = false)
            .AddComplexityAnalyzer(c =>
            {
                c.MaxDepth = limits.MaxDepth;
                c.MaxComplexity = limits.MaxComplexity;
            })
            .WithTimeout(limits.Timeout)
            .ConfigureExecution<CiteGraph.GraphQL.Execution.DocumentCache>());
        return services;
    }
}
