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

    /// <summary>Node and relationship counts.</summary>
    Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken = default);

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
}
