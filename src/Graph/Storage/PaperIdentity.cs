using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Storage;

/// <summary>The keys a stored paper can be recognised by (DESIGN §3: arXiv id, DOI, normalized title and year).</summary>
public sealed record PaperIdentity(string Id, string? ArxivId, string? Doi, string TitleKey, int? Year)
{
    /// <summary>True for a stub: a paper known only because another paper cites it; matched by external id, never by title.</summary>
    public bool IsStub { get; init; }

    /// <summary>External ids other than arXiv id and DOI (OpenAlex, Semantic Scholar, edge-list node ids, …).</summary>
    public IReadOnlyList<ExternalId> ExternalIds { get; init; } = [];
}
