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
public sealed record Resolution(string PaperId, MatchKind MatchedBy)
{
    public bool IsNew => MatchedBy == MatchKind.New;
}
