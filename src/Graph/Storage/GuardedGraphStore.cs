using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Storage;

/// <summary>
/// A store whose every failure leaves as the port's exceptions (<see cref="GraphStoreException"/>,
/// <see cref="GraphStoreUnavailableException"/>): what a provider hands out, so no caller ever catches a driver's
/// exception. The adapter says what its failures mean once, in a <see cref="StoreFailureTranslation"/>; this decorator
/// applies it to every member, streams and bulk-load scopes included. Made by <see cref="Over"/>, which keeps the
/// optional roles (<see cref="IPaperVectorStore"/>) the store has, and only those.
/// </summary>
public class GuardedGraphStore : IGraphStore
{
    private readonly IGraphStore _inner;

    private protected GuardedGraphStore(IGraphStore inner, StoreFailureTranslation translation)
    {
        _inner = inner;
        Guard = new StoreFailureGuard(translation);
    }

    /// <summary>The store under the guard (for tests and store-specific tooling).</summary>
    public IGraphStore Inner => _inner;

    private protected StoreFailureGuard Guard { get; }

    /// <summary><paramref name="store"/> behind a guard that translates its failures with <paramref name="translation"/>.</summary>
    public static GuardedGraphStore Over(IGraphStore store, StoreFailureTranslation translation)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(translation);
        return store is IPaperVectorStore vectors
            ? new GuardedVectorGraphStore(store, vectors, translation)
            : new GuardedGraphStore(store, translation);
    }

    /// <summary>
    /// The store's in-database analytics (<see cref="Analytics.IInDatabaseAnalytics"/>) behind this guard, or null when it
    /// has none: an optional role reached through the guard rather than as another decorator type per combination.
    /// </summary>
    public Analytics.IInDatabaseAnalytics? InDatabaseAnalytics =>
        _inner is Analytics.IInDatabaseAnalytics engine ? new GuardedInDatabaseAnalytics(engine, Guard) : null;

    /// <inheritdoc />
    public override string? ToString() => _inner.ToString();

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.InitializeAsync(cancellationToken));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Guard.RunAsync(async () => await _inner.DisposeAsync().ConfigureAwait(false)).ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<object?[]> ReadExportRowsAsync(ExportTable table, CancellationToken cancellationToken = default) =>
        Guard.Stream(() => _inner.ReadExportRowsAsync(table, cancellationToken));

    // IPaperWriter: the default members are forwarded too, so a store's own versions still run.

    /// <inheritdoc />
    public IAsyncEnumerable<PaperIdentity> ReadIdentitiesAsync(CancellationToken cancellationToken = default) => Guard.Stream(() => _inner.ReadIdentitiesAsync(cancellationToken));

    /// <inheritdoc />
    public Task UpsertAsync(IReadOnlyList<ResolvedRecord> batch, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.UpsertAsync(batch, cancellationToken));

    /// <inheritdoc />
    public Task<int> UpsertCountingAsync(IReadOnlyList<ResolvedRecord> batch, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.UpsertCountingAsync(batch, cancellationToken));

    /// <inheritdoc />
    public Task<IAsyncDisposable> BeginBulkLoadAsync(CancellationToken cancellationToken = default) => Guard.ScopeAsync(() => _inner.BeginBulkLoadAsync(cancellationToken));

    /// <inheritdoc />
    public Task<int> UpsertCitationsAsync(IReadOnlyList<Citation> citations, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.UpsertCitationsAsync(citations, cancellationToken));

    // IPaperReader

    /// <inheritdoc />
    public Task<Paper?> FindPaperAsync(string id, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.FindPaperAsync(id, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, Paper>> GetPapersAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.GetPapersAsync(ids, cancellationToken));

    /// <inheritdoc />
    public Task<PaperPage> QueryPapersAsync(PaperQuery query, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.QueryPapersAsync(query, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int first, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.SearchAsync(text, first, cancellationToken));

    /// <inheritdoc />
    public Task<Repo?> FindRepoAsync(string canonicalUrl, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.FindRepoAsync(canonicalUrl, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<Paper>> GetPapersOfRepoAsync(string canonicalUrl, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.GetPapersOfRepoAsync(canonicalUrl, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<RepoLink>>> GetReposOfPapersAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.GetReposOfPapersAsync(paperIds, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<WebLink>>> GetLinksOfPapersAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.GetLinksOfPapersAsync(paperIds, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<ExternalId>>> GetExternalIdsAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.GetExternalIdsAsync(paperIds, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<SourceRef>>> GetSourcesAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.GetSourcesAsync(paperIds, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<PaperRecord>>> GetSourceRecordsAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.GetSourceRecordsAsync(paperIds, cancellationToken));

    /// <inheritdoc />
    public Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.GetStatsAsync(cancellationToken));

    /// <inheritdoc />
    public Task<Page<CitationLink>> GetCitationsAsync(CitationQuery query, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.GetCitationsAsync(query, cancellationToken));

    // IDerivedLayerStore

    /// <inheritdoc />
    public IAsyncEnumerable<PaperText> ReadPaperTextsAsync(CancellationToken cancellationToken = default) => Guard.Stream(() => _inner.ReadPaperTextsAsync(cancellationToken));

    /// <inheritdoc />
    public Task WriteTopicGraphAsync(TopicGraph graph, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.WriteTopicGraphAsync(graph, cancellationToken));

    /// <inheritdoc />
    public Task<int> ReplaceInferredCitationsAsync(IReadOnlyList<Citation> citations, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.ReplaceInferredCitationsAsync(citations, cancellationToken));

    // IIncrementalDeriveStore

    /// <inheritdoc />
    public Task<FullDeriveMark?> ReadFullDeriveAsync(CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.ReadFullDeriveAsync(cancellationToken));

    /// <inheritdoc />
    public Task WriteFullDeriveAsync(FullDeriveMark mark, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.WriteFullDeriveAsync(mark, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<PaperText>> ReadPaperTextsAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.ReadPaperTextsAsync(paperIds, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<Topic>> ReadTopicsAsync(CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.ReadTopicsAsync(cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ReadTopicPapersAsync(IReadOnlyCollection<string> topicIds, int limit, CancellationToken cancellationToken = default) =>
        Guard.RunAsync(() => _inner.ReadTopicPapersAsync(topicIds, limit, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<TopicAssignment>>> ReadPaperTopicsAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) =>
        Guard.RunAsync(() => _inner.ReadPaperTopicsAsync(paperIds, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<CoTopicRow>> ReadCoTopicRowsAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.ReadCoTopicRowsAsync(paperIds, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> FindPapersWritingAsync(
        IReadOnlyCollection<string> phrases, int limit, bool titleOnly = false, CancellationToken cancellationToken = default) =>
        Guard.RunAsync(() => _inner.FindPapersWritingAsync(phrases, limit, titleOnly, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> FindPapersMentioningAsync(IReadOnlyCollection<ExternalId> ids, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.FindPapersMentioningAsync(ids, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> FindPapersByExternalIdsAsync(IReadOnlyCollection<ExternalId> ids, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.FindPapersByExternalIdsAsync(ids, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<PaperVector>> ReadVectorsOfAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.ReadVectorsOfAsync(paperIds, cancellationToken));

    /// <inheritdoc />
    public Task<int> WriteDerivedOfPapersAsync(DerivedLayerUpdate update, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.WriteDerivedOfPapersAsync(update, cancellationToken));

    // ITopicReader

    /// <inheritdoc />
    public Task<Topic?> FindTopicAsync(string nameOrAlias, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.FindTopicAsync(nameOrAlias, cancellationToken));

    /// <inheritdoc />
    public Task<Page<Topic>> GetTopicsAsync(int first, int after, TopicOrder order, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.GetTopicsAsync(first, after, order, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<PaperTopic>>> GetTopicsOfPapersAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.GetTopicsOfPapersAsync(paperIds, cancellationToken));

    /// <inheritdoc />
    public Task<Page<Paper>> GetPapersOfTopicAsync(string topicName, int first, int after, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.GetPapersOfTopicAsync(topicName, first, after, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<RelatedTopic>> GetRelatedTopicsAsync(string topicName, int first, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.GetRelatedTopicsAsync(topicName, first, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<CoTopicPaper>> GetCoTopicPapersAsync(string paperId, int first, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.GetCoTopicPapersAsync(paperId, first, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<CoTopicPaper>>> GetCoTopicPapersOfPapersAsync(IReadOnlyCollection<string> paperIds, int first, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.GetCoTopicPapersOfPapersAsync(paperIds, first, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<Topic>>> GetTopicHierarchyAsync(IReadOnlyCollection<string> topicNames, TopicRelation relation, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.GetTopicHierarchyAsync(topicNames, relation, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<PaperPair, IReadOnlyList<CoTopicReason>>> GetCoTopicEvidenceAsync(IReadOnlyCollection<PaperPair> pairs, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.GetCoTopicEvidenceAsync(pairs, cancellationToken));

    // IAnalyticsStore

    /// <inheritdoc />
    public Task<EdgeList> ReadCitationGraphAsync(CitationKind? kind = null, double minConfidence = 0, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.ReadCitationGraphAsync(kind, minConfidence, cancellationToken));

    /// <inheritdoc />
    public Task<EdgeList> ReadCoTopicGraphAsync(CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.ReadCoTopicGraphAsync(cancellationToken));

    /// <inheritdoc />
    public Task WriteAnalyticsAsync(AnalyticsResults results, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.WriteAnalyticsAsync(results, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<RankedPaper>> RankAsync(RankingMetric metric, int first, PaperFilter filter, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.RankAsync(metric, first, filter, cancellationToken));

    /// <inheritdoc />
    public Task<(IReadOnlyList<Community> Items, int TotalCount)> GetCommunitiesAsync(int first, int after, int level = 0, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.GetCommunitiesAsync(first, after, level, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, int>> GetPaperCommunitiesAsync(IReadOnlyCollection<string> paperIds, int level, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.GetPaperCommunitiesAsync(paperIds, level, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<int[]>> ReadCommunityLevelsAsync(string[] nodeIds, int maxLevels, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.ReadCommunityLevelsAsync(nodeIds, maxLevels, cancellationToken));

    /// <inheritdoc />
    public Task<Community?> GetCommunityAsync(int id, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.GetCommunityAsync(id, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<int, Community>> GetCommunitiesByIdAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.GetCommunitiesByIdAsync(ids, cancellationToken));

    /// <inheritdoc />
    public Task<AnalyticsSummary?> GetAnalyticsSummaryAsync(CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.GetAnalyticsSummaryAsync(cancellationToken));

    // ICommunityHistoryStore

    /// <inheritdoc />
    public Task<int?> GetMaxCommunityIdAsync(CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.GetMaxCommunityIdAsync(cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<CommunityEvent>> GetCommunityEventsAsync(long afterRun = 0, long? untilRun = null, CancellationToken cancellationToken = default) =>
        Guard.RunAsync(() => _inner.GetCommunityEventsAsync(afterRun, untilRun, cancellationToken));

    // ISnapshotStore

    /// <inheritdoc />
    public Task<SnapshotSource> ReadSnapshotSourceAsync(CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.ReadSnapshotSourceAsync(cancellationToken));

    /// <inheritdoc />
    public Task<long?> GetChangeVersionAsync(CancellationToken cancellationToken = default) => Guard.RunAsync(() => _inner.GetChangeVersionAsync(cancellationToken));

    // IVersionLog

    /// <inheritdoc />
    public bool KeepsVersions => _inner.KeepsVersions;

    /// <inheritdoc />
    public Task<Versions.GraphVersion> CompleteRunAsync(Versions.VersionRun run, CancellationToken cancellationToken = default) =>
        Guard.RunAsync(() => _inner.CompleteRunAsync(run, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<Versions.GraphVersion>> ReadVersionsAsync(long after, int first, CancellationToken cancellationToken = default) =>
        Guard.RunAsync(() => _inner.ReadVersionsAsync(after, first, cancellationToken));

    /// <inheritdoc />
    public Task<Versions.GraphVersion?> FindVersionAsync(long number, CancellationToken cancellationToken = default) =>
        Guard.RunAsync(() => _inner.FindVersionAsync(number, cancellationToken));

    /// <inheritdoc />
    public Task<Versions.ChangePage> ReadChangesAsync(long sinceVersion, Versions.ChangeCursor after, int first, CancellationToken cancellationToken = default) =>
        Guard.RunAsync(() => _inner.ReadChangesAsync(sinceVersion, after, first, cancellationToken));

    /// <inheritdoc />
    public Task<Paper?> FindPaperAsOfAsync(string id, long version, CancellationToken cancellationToken = default) =>
        Guard.RunAsync(() => _inner.FindPaperAsOfAsync(id, version, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<RankedPaper>> RankAsOfAsync(RankingMetric metric, int first, PaperFilter filter, long version, CancellationToken cancellationToken = default) =>
        Guard.RunAsync(() => _inner.RankAsOfAsync(metric, first, filter, version, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<RankedPaper>> RankAsOfAsync(
        RankingMetric metric, int first, PaperFilter filter, long version, Snapshot.CitationCountsAt? counts, CancellationToken cancellationToken = default) =>
        Guard.RunAsync(() => _inner.RankAsOfAsync(metric, first, filter, version, counts, cancellationToken));
}
