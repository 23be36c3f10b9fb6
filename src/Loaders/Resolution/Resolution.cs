namespace CiteGraph.Loaders.Resolution;

/// <summary>How a record was matched to a paper.</summary>
public enum MatchKind
{
    /// <summary>No stored or earlier record describes this paper: a new node.</summary>
    New,
    Arxiv,
    Doi,
    /// <summary>Another external id: OpenAlex, Semantic Scholar, an edge-list node id.</summary>
    External,
    Title,
}

/// <summary>The paper a record resolved to and why.</summary>
/// <param name="PaperId">The paper's CiteGraph id.</param>
/// <param name="MatchedBy">The rule that matched, or <see cref="MatchKind.New"/>.</param>
/// <param name="MatchedOn">The key that matched (the arXiv id, DOI, external id or normalized title); null for a new paper.</param>
public sealed record Resolution(string PaperId, MatchKind MatchedBy, string? MatchedOn = null)
{
    public bool IsNew => MatchedBy == MatchKind.New;
}
