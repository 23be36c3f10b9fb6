namespace CiteGraph.Graph.Export;

/// <summary>A paper as exported: what graph tools need to label, size, color and look it up.</summary>
public sealed record ExportNode(
    string Id,
    string Label,
    int? Year,
    string? Published,
    int? Community,
    double? PageRank,
    bool Seed,
    bool Stub,
    string? ArxivId,
    string? Doi,
    IReadOnlyList<string> Repos);

/// <summary>
/// An exported edge: a citation (source cites target; <c>CITES</c> or <c>CITES_INFERRED</c>), two papers sharing a
/// repository (<c>SHARED_REPO</c>, undirected, <see cref="Via"/> names the repository) or sharing topics (<c>CO_TOPIC</c>,
/// undirected, <see cref="Confidence"/> holds the co-topic score).
/// </summary>
public sealed record ExportEdge(string Source, string Target, string Kind, double Confidence, string? Evidence, string? Via)
{
    /// <summary>Whether the edge has a direction (citations do; shared repositories and topics do not).</summary>
    public bool Directed => ExportEdgeKinds.IsDirected(Kind);
}

/// <summary>The papers and edges an export writes, in a stable order (seeds first, then as reached).</summary>
public sealed record ExportGraph(IReadOnlyList<ExportNode> Nodes, IReadOnlyList<ExportEdge> Edges, bool Truncated)
{
    /// <summary>
    /// Whether the graph is declared directed: unless every edge is undirected (a graph without edges counts as directed).
    /// </summary>
    public bool Directed => Edges.Count == 0 || Edges.Any(e => e.Directed);

    /// <summary>
    /// Whether directed and undirected edges sit side by side, so the edges against the declared direction must each say so
    /// (graph tools without mixed graphs, such as NetworkX, refuse such a file).
    /// </summary>
    public bool Mixed => Edges.Any(e => e.Directed) && Edges.Any(e => !e.Directed);
}
