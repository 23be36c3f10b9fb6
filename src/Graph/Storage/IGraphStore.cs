using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Storage;

/// <summary>
/// The port every graph store implements: idempotent batched upserts of resolved records, reads by id and in batches,
/// full-text search and counts. Implementations are safe for concurrent readers while one writer upserts.
/// </summary>
public interface IGraphStore : IAsyncDisposable
{
    /// <summary>Creates or migrates the store's schema. Idempotent.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Every paper's identity keys, so a resolver can match incoming records to stored papers.</summary>
    IAsyncEnumerable<PaperIdentity> ReadIdentitiesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a batch of resolved records in one transaction: creates papers that are new, merges the others, keeps every
    /// record as a source. Writing the same records again changes nothing.
    /// </summary>
    Task UpsertAsync(IReadOnlyList<ResolvedRecord> batch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes like <see cref="UpsertAsync"/> and returns how many papers of the batch resolved as new
    /// (<see cref="ResolvedRecord.ResolvedAsNew"/>) were found stored when the batch was written: another writer (a
    /// concurrent load) created them after the caller read the store's identities, so they were merged, not created.
    /// Stores that cannot tell return 0.
    /// </summary>
    async Task<int> UpsertCountingAsync(IReadOnlyList<ResolvedRecord> batch, CancellationToken cancellationToken = default)
    {
        await UpsertAsync(batch, cancellationToken).ConfigureAwait(false);
        return 0;
    }

    /// <summary>
    /// Tells the store a large load follows, so it may defer index maintenance until the returned scope is disposed.
    /// Reads stay correct meanwhile, if slower. Stores with nothing to defer return a scope that does nothing.
    /// </summary>
    Task<IAsyncDisposable> BeginBulkLoadAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IAsyncDisposable>(NoBulkLoad.Instance);

    /// <summary>A paper by its CiteGraph id or by an external id (arXiv id, DOI, …, normalized by the caller or not).</summary>
    Task<Paper?> FindPaperAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Papers by CiteGraph id; ids that do not exist are absent from the result.</summary>
    Task<IReadOnlyDictionary<string, Paper>> GetPapersAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>One page of papers matching a filter, in a stable order, with the total count.</summary>
    Task<PaperPage> QueryPapersAsync(PaperQuery query, CancellationToken cancellationToken = default);

    /// <summary>Full-text search over title and abstract, best first. Any text is accepted: it is never parsed as query syntax.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int first, CancellationToken cancellationToken = default);

    /// <summary>A repository by canonical URL.</summary>
    Task<Repo?> FindRepoAsync(string canonicalUrl, CancellationToken cancellationToken = default);

    /// <summary>The papers that reference a repository, in load order.</summary>
    Task<IReadOnlyList<Paper>> GetPapersOfRepoAsync(string canonicalUrl, CancellationToken cancellationToken = default);

    /// <summary>The repositories each paper references, with the evidence text.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<RepoLink>>> GetReposOfPapersAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default);

    /// <summary>The non-repository links each paper names.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<WebLink>>> GetLinksOfPapersAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default);

    /// <summary>The external ids each paper carries.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<ExternalId>>> GetExternalIdsAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default);

    /// <summary>Every source each paper was read from (provenance).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<SourceRef>>> GetSourcesAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every source record of each paper with the values it gave the merged fields (title, abstract, published, authors
    /// count, organization, upvotes, arXiv id, DOI), ordered by source and line: the input of
    /// <see cref="PaperMerge.Explain"/>, so provenance per field is recomputed on demand. Lists (authors, links, ids,
    /// references, keywords) are not read. Papers without sources (stubs) and unknown ids are absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<PaperRecord>>> GetSourceRecordsAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default);

    /// <summary>Node and relationship counts.</summary>
    Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// A number that changes whenever the store's contents change, whoever wrote them (this process or another one, a
    /// CLI <c>load</c> into a served database): the server polls it to notice outside writes and rebuild its snapshot.
    /// Compare values for equality only. Cheap (no scan). Null when the store cannot tell.
    /// </summary>
    Task<long?> GetChangeVersionAsync(CancellationToken cancellationToken = default) => Task.FromResult<long?>(null);

    /// <summary>
    /// Writes CITES relationships between stored papers in one transaction. An explicit citation is never replaced by an
    /// inferred one; writing the same citations again changes nothing. Citations naming an unknown paper are skipped.
    /// </summary>
    /// <returns>The number of citations that name two stored papers.</returns>
    Task<int> UpsertCitationsAsync(IReadOnlyList<Citation> citations, CancellationToken cancellationToken = default);

    /// <summary>The citation graph over every paper node (stubs included), for the analytics kernels.</summary>
    /// <param name="kind">Only citations of this kind; null for both.</param>
    /// <param name="minConfidence">Only citations at least this confident.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<EdgeList> ReadCitationGraphAsync(CitationKind? kind = null, double minConfidence = 0, CancellationToken cancellationToken = default);

    /// <summary>
    /// The co-topic graph over every paper node: each paper's CO_TOPIC neighbours (its top-k by idf-weighted shared
    /// topics) as weighted edges, for the analytics kernels.
    /// </summary>
    Task<EdgeList> ReadCoTopicGraphAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes analytics results back in one transaction, replacing the previous run's values of what was computed.</summary>
    Task WriteAnalyticsAsync(AnalyticsResults results, CancellationToken cancellationToken = default);

    /// <summary>The top papers by a metric, best first, ties broken by id.</summary>
    Task<IReadOnlyList<RankedPaper>> RankAsync(RankingMetric metric, int first, PaperFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Communities by size, largest first, a page at a time.</summary>
    /// <param name="first">Page size.</param>
    /// <param name="after">Number of communities to skip.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<(IReadOnlyList<Community> Items, int TotalCount)> GetCommunitiesAsync(int first, int after, CancellationToken cancellationToken = default);

    /// <summary>A community by id, or null.</summary>
    Task<Community?> GetCommunityAsync(int id, CancellationToken cancellationToken = default);

    /// <summary>The whole graph's topology and small per-paper properties, read in one consistent transaction.</summary>
    Task<SnapshotSource> ReadSnapshotSourceAsync(CancellationToken cancellationToken = default);

    /// <summary>The last analytics run, or null when none ran.</summary>
    Task<AnalyticsSummary?> GetAnalyticsSummaryAsync(CancellationToken cancellationToken = default);

    // ---- Topics, co-topics and inferred lineage (issue 5). Written by the derive pass, read by the API. ----

    /// <summary>
    /// Every non-stub paper with what the topic and lineage derive pass needs (text, dates, ids, authors, keywords,
    /// mentioned ids), in a stable order. Streams: the corpus is never held by the store.
    /// </summary>
    IAsyncEnumerable<PaperText> ReadPaperTextsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the whole topic layer (topics, HAS_TOPIC, CO_TOPIC, CO_OCCURS) with <paramref name="graph"/> in one
    /// transaction. Writing the same graph again changes nothing. Rows naming unknown papers are skipped.
    /// </summary>
    Task WriteTopicGraphAsync(TopicGraph graph, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces every inferred citation with <paramref name="citations"/> (all of kind inferred) in one transaction, so
    /// inferences a re-run no longer makes disappear. Explicit citations are untouched and, as in
    /// <see cref="UpsertCitationsAsync"/>, never shadowed: an inferred citation of an explicitly cited pair is skipped.
    /// Writing the same set again changes nothing.
    /// </summary>
    /// <returns>The number of inferred citations stored.</returns>
    Task<int> ReplaceInferredCitationsAsync(IReadOnlyList<Citation> citations, CancellationToken cancellationToken = default);

    /// <summary>A topic by canonical name, any alias (case-insensitive) or topic id; null when none matches.</summary>
    Task<Topic?> FindTopicAsync(string nameOrAlias, CancellationToken cancellationToken = default);

    /// <summary>A page of topics in the given order.</summary>
    /// <param name="first">Page size.</param>
    /// <param name="after">Number of topics to skip.</param>
    /// <param name="order">The order.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<Page<Topic>> GetTopicsAsync(int first, int after, TopicOrder order, CancellationToken cancellationToken = default);

    /// <summary>The topics of each paper (HAS_TOPIC), strongest first; one read for a whole page of papers.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<PaperTopic>>> GetTopicsOfPapersAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default);

    /// <summary>A page of the papers carrying a topic (by canonical name), strongest weight first.</summary>
    Task<Page<Paper>> GetPapersOfTopicAsync(string topicName, int first, int after, CancellationToken cancellationToken = default);

    /// <summary>The topics that co-occur with a topic (CO_OCCURS), highest PMI among those shared by at least two papers first.</summary>
    Task<IReadOnlyList<RelatedTopic>> GetRelatedTopicsAsync(string topicName, int first, CancellationToken cancellationToken = default);

    /// <summary>A paper's CO_TOPIC neighbours (its top-k by idf-weighted shared topics), best first, with the shared topics as reasons.</summary>
    Task<IReadOnlyList<CoTopicPaper>> GetCoTopicPapersAsync(string paperId, int first, CancellationToken cancellationToken = default);

    /// <summary>A page of a paper's citations in one direction, most confident first, with kind, confidence and evidence.</summary>
    Task<Page<CitationLink>> GetCitationsAsync(CitationQuery query, CancellationToken cancellationToken = default);
}
