using System.Collections.Concurrent;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using GraphQL;

namespace CiteGraph.GraphQL.Batching;

/// <summary>The batch loaders of one GraphQL request, kept in its user context.</summary>
public sealed class RequestLoaders(IGraphStore store)
{
    private const string Key = "citegraph.loaders";

    public BatchLoader<string, IReadOnlyList<RepoLink>> Repos { get; } = new(store.GetReposOfPapersAsync);

    public BatchLoader<string, IReadOnlyList<WebLink>> Links { get; } = new(store.GetLinksOfPapersAsync);

    public BatchLoader<string, IReadOnlyList<ExternalId>> ExternalIds { get; } = new(store.GetExternalIdsAsync);

    public BatchLoader<string, IReadOnlyList<SourceRef>> Sources { get; } = new(store.GetSourcesAsync);

    public BatchLoader<string, IReadOnlyList<PaperRecord>> SourceRecords { get; } = new(store.GetSourceRecordsAsync);

    public BatchLoader<string, IReadOnlyList<PaperTopic>> Topics { get; } = new(store.GetTopicsOfPapersAsync);

    public BatchLoader<int, Community> Communities { get; } = new(store.GetCommunitiesByIdAsync);

    /// <summary>The broader topics of each topic (by canonical name).</summary>
    public BatchLoader<string, IReadOnlyList<Topic>> BroaderTopics { get; } = new((names, ct) => store.GetTopicHierarchyAsync(names, TopicRelation.Broader, ct));

    /// <summary>The narrower topics of each topic (by canonical name).</summary>
    public BatchLoader<string, IReadOnlyList<Topic>> NarrowerTopics { get; } = new((names, ct) => store.GetTopicHierarchyAsync(names, TopicRelation.Narrower, ct));

    private readonly ConcurrentDictionary<int, BatchLoader<string, IReadOnlyList<CoTopicPaper>>> _coTopic = new();

    private readonly ConcurrentDictionary<int, BatchLoader<string, Community>> _communityAt = new();

    /// <summary>Each paper's community at hierarchy <paramref name="level"/>: one loader per level a query asks for, two reads per batch.</summary>
    public BatchLoader<string, Community> CommunityAt(int level) =>
        _communityAt.GetOrAdd(level, l => new(async (ids, ct) =>
        {
            var placed = await store.GetPaperCommunitiesAsync(ids, l, ct).ConfigureAwait(false);
            var communities = await store.GetCommunitiesByIdAsync(placed.Values.Distinct().ToList(), ct).ConfigureAwait(false);
            return placed.Where(p => communities.ContainsKey(p.Value)).ToDictionary(p => p.Key, p => communities[p.Value], StringComparer.Ordinal);
        }));

    /// <summary>The co-topic neighbours, <paramref name="first"/> per paper: one loader per page size a query asks for.</summary>
    public BatchLoader<string, IReadOnlyList<CoTopicPaper>> CoTopic(int first) =>
        _coTopic.GetOrAdd(first, size => new((ids, ct) => store.GetCoTopicPapersOfPapersAsync(ids, size, ct)));

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
