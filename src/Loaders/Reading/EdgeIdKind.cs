namespace CiteGraph.Loaders.Reading;

/// <summary>What the node ids of an edge list are: names local to the file, or identifiers of papers everywhere.</summary>
public enum EdgeIdKind
{
    /// <summary>arXiv ids or DOIs when every id of the first lines parses as one kind; plain node ids otherwise.</summary>
    Auto,

    /// <summary>Node ids local to the file (<c>cora:35</c>): every node becomes a paper of its own, as SNAP and Cora files need.</summary>
    Plain,

    /// <summary>arXiv ids (<c>2106.09685</c>, <c>arXiv:2106.09685v2</c>, <c>hep-th/9901001</c>): citations attach to the papers with those ids.</summary>
    Arxiv,

    /// <summary>DOIs (<c>10.1000/xyz</c>, <c>doi:</c> or <c>https://doi.org/</c> prefixed, any case): citations attach to the papers with those DOIs.</summary>
    Doi,
}
