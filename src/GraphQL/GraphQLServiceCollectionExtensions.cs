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
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers CiteGraph's GraphQL schema and execution.</summary>
public static class GraphQLServiceCollectionExtensions
{
    /// <summary>
    /// Adds the schema, its types, System.Text.Json serialization and the request limits (<see cref="GraphQLLimitsOptions"/>,
    /// read as <c>IOptions</c>: the host binds them from <see cref="GraphQLLimitsOptions.Section"/>; <paramref name="configure"/>
    /// runs after that binding). Mutations need <see cref="CiteGraph.GraphQL.Mutations.ApiKeyOptions"/>, which the host
    /// registers; without it they stay disabled.
    /// </summary>
    /// <returns>The same service collection so that multiple calls can be chained.</returns>
    public static IServiceCollection AddCiteGraphQL(this IServiceCollection services, Action<GraphQLLimitsOptions>? configure = null)
    {
        var limits = services.AddOptions<GraphQLLimitsOptions>();
        if (configure is not null)
        {
            limits.Configure(configure);
        }

        // Traversal queries read the in-memory snapshot; whoever changes the store rebuilds it.
        services.TryAddSingleton<SnapshotHolder>();
        // The sentence-embedding model loads on the first query that needs it (seconds, ~90 MB), not at start-up.
        services.TryAddSingleton<ITextEmbedder>(_ => LazyTextEmbedder.MiniLm());
        services.TryAddSingleton<SemanticIndexHolder>();
        services.TryAddSingleton<PaperSearch>();
        // Suggested references build their text index (and read the stored embeddings) once per snapshot.
        services.TryAddSingleton<SuggestionService>();
        // One writer at a time across every ingest of this server; the host binds the answer budget (CiteGraph:Ingest).
        services.TryAddSingleton(sp => new CiteGraph.GraphQL.Mutations.IngestJobs(
            sp.GetService<IOptions<CiteGraph.GraphQL.Mutations.IngestJobOptions>>()?.Value ?? new CiteGraph.GraphQL.Mutations.IngestJobOptions()));
        // The change feed: the store's events (community events among them, written by analyze runs).
        services.TryAddSingleton(sp => new CiteGraph.GraphQL.Versions.ChangeFeed(sp.GetRequiredService<CiteGraph.Graph.Storage.IGraphStore>()));
        services.AddGraphQL(b => b
            .AddSchema<CiteGraphSchema>()
            .AddGraphTypes(typeof(CiteGraphSchema).Assembly)
            .AddSystemTextJson()
            // The same serializer with buffer reads and writes for the HTTP endpoint (CiteGraphJsonSerializer).
            .AddSerializer<CiteGraph.GraphQL.Http.CiteGraphJsonSerializer>()
            // Unexpected failures answer STORE_UNAVAILABLE or INTERNAL with fixed messages; the log gets the details.
            .AddErrorInfoProvider<CiteGraph.GraphQL.Errors.CiteGraphErrorInfoProvider>()
            .AddUnhandledExceptionHandler(CiteGraph.GraphQL.Errors.UnhandledErrors.LogAsync)
            // Complexity depends on the variables (first: $n), so the rule runs on every request, cached documents included.
            .AddValidationRule(ComplexityRule, useForCachedDocuments: true)
            .ConfigureExecution<RequestBudget>()
            .ConfigureExecution<DocumentCache>()
            .ConfigureExecution<SelectionBudget>());
        return services;
    }

    /// <summary>The complexity and depth limits, made once from the configured <see cref="GraphQLLimitsOptions"/>.</summary>
    private static ComplexityValidationRule ComplexityRule(IServiceProvider services)
    {
        var limits = services.GetRequiredService<IOptions<GraphQLLimitsOptions>>().Value;
        return new ComplexityValidationRule(new ComplexityOptions { MaxDepth = limits.MaxDepth, MaxComplexity = limits.MaxComplexity });
    }
}
