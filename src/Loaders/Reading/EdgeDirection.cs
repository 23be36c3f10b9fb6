namespace CiteGraph.Loaders.Reading;

/// <summary>Which column of an edge list cites which.</summary>
public enum EdgeDirection
{
    /// <summary>Cora files (<c>*.cites</c>) are <c>cited citing</c>; every other edge list is <c>citing cited</c>.</summary>
    Auto,

    /// <summary><c>from to</c>: the first column cites the second (SNAP).</summary>
    CitingCited,

    /// <summary><c>cited citing</c>: the second column cites the first (the Cora README).</summary>
    CitedCiting,
}
