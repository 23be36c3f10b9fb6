namespace CiteGraph.Graph.Model;

/// <summary>The kinds of identifier a paper can carry besides its CiteGraph id.</summary>
public enum ExternalIdKind
{
    Arxiv,
    Doi,
    OpenAlex,
    S2,
    HF,
    EdgeList,
}

/// <summary>An identifier a source gave a paper, normalized (arXiv without version, DOI lower-cased).</summary>
public sealed record ExternalId(ExternalIdKind Kind, string Value);
