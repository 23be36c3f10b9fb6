using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Storage;

/// <summary>
/// A role of a graph store: reading papers, their repositories, links, ids, provenance and citations: what the API serves a paper from. A store implements every role it supports; <see cref="IGraphStore"/>
/// is all of them. Implementations are safe for concurrent readers while one writer writes.
/// </summary>
public interface IPaperReader
{
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

    /// <summary>A page of a paper's citations in one direction, most confident first, with kind, confidence and evidence.</summary>
    Task<Page<CitationLink>> GetCitationsAsync(CitationQuery query, CancellationToken cancellationToken = default);
}
