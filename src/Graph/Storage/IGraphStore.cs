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
}
