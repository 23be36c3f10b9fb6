using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Suggest;
using CiteGraph.Embeddings;
using CiteGraph.GraphQL;
using CiteGraph.GraphQL.Execution;
using CiteGraph.GraphQL.Semantic;
using GraphQL;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
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
        // The sentence-embedding model loads on the first query that needs it (seconds, ~90 MB), not at start-up.
        services.TryAddSingleton<ITextEmbedder>(_ => LazyTextEmbedder.MiniLm());
        services.TryAddSingleton<SemanticIndexHolder>();
        services.TryAddSingleton<PaperSearch>();
        // Suggested references build their text index (and read the stored embeddings) once per snapshot.
        services.TryAddSingleton<SuggestionService>();
        services.TryAddSingleton(new CiteGraph.GraphQL.Mutations.ApiKeyOptions());
        // One writer at a time across every ingest of this server; the host configures the answer budget.
        services.TryAddSingleton(new CiteGraph.GraphQL.Mutations.IngestJobOptions());
        services.TryAddSingleton<CiteGraph.GraphQL.Mutations.IngestJobs>();
        services.AddGraphQL(b => b
            .AddSchema<CiteGraphSchema>()
            .AddGraphTypes(typeof(CiteGraphSchema).Assembly)
            .AddSystemTextJson()
            .AddErrorInfoProvider(o => o.ExposeExceptionDetails = false)
            // Complexity depends on the variables (first: $n), so the rule runs on every request, cached documents included.
            .AddValidationRule(
                new ComplexityValidationRule(new ComplexityOptions { MaxDepth = limits.MaxDepth, MaxComplexity = limits.MaxComplexity }),
                useForCachedDocuments: true)
            .ConfigureExecution<RequestBudget>()
            .ConfigureExecution<DocumentCache>()
            .ConfigureExecution<SelectionBudget>());
        return services;
    }
}
