using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using GraphQL;

namespace CiteGraph.GraphQL.Batching;

/// <summary>The batch loaders of one GraphQL request, kept in its user context.</summary>
public sealed class RequestLoaders(IGraphStore store)
{
    private const string Key = "citegraph.loaders";

    private Task<GraphStats>? _stats;

    public BatchLoader<string, IReadOnlyList<RepoLink>> Repos { get; } = new(store.GetReposOfPapersAsync);

    public BatchLoader<string, IReadOnlyList<WebLink>> Links { get; } = new(store.GetLinksOfPapersAsync);

    public BatchLoader<string, IReadOnlyList<ExternalId>> ExternalIds { get; } = new(store.GetExternalIdsAsync);

    public BatchLoader<string, IReadOnlyList<SourceRef>> Sources { get; } = new(store.GetSourcesAsync);

    public BatchLoader<string, IReadOnlyList<PaperRecord>> SourceRecords { get; } = new(store.GetSourceRecordsAsync);

    public BatchLoader<string, IReadOnlyList<PaperTopic>> Topics { get; } = new(store.GetTopicsOfPapersAsync);

    /// <summary>
    /// The graph's counts, read once per request however many times the query asks (aliases of <c>stats</c> would
    /// otherwise each recount).
    /// </summary>
    public Task<GraphStats> Stats(CancellationToken cancellationToken)
    {
        lock (this)
        {
            return _stats ??= store.GetStatsAsync(cancellationToken);
        }
    }

    /// <summary>The loaders of the request <paramref name="context"/> belongs to, created on first use.</summary>
    public static RequestLoaders For(IResolveFieldContext context, IGraphStore store)
    {
        var bag = context.UserContext;
        lock (bag)
        {
            if (!bag.TryGetValue(Key, out var loaders) || loaders is not RequestLoaders existing)
            {
                existing = new RequestLoaders(store);
                bag[Key] = existing;
            }

            return existing;
        }
    }
}
