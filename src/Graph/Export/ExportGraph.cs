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
/// An exported edge: a citation (source cites target; <c>CITES</c> or <c>CITES_INFERRED</c>) or two papers sharing a
/// repository (<c>SHARED_REPO</c>, undirected, <see cref="Via"/> names the repository).
/// </summary>
public sealed record ExportEdge(string Source, string Target, string Kind, double Confidence, string? Evidence, string? Via)
{
    /// <summary>Whether the edge has a direction (citations do; a shared repository does not).</summary>
    public bool Directed => Kind != ExportEdgeKinds.SharedRepo;
}

/// <summary>The edge kind names, as the GraphQL API spells them.</summary>
public static class ExportEdgeKinds
{
    public const string Cites = "CITES";
    public const string CitesInferred = "CITES_INFERRED";
    public const string SharedRepo = "SHARED_REPO";
}

/// <summary>The papers and edges an export writes, in a stable order (seeds first, then as reached).</summary>
public sealed record ExportGraph(IReadOnlyList<ExportNode> Nodes, IReadOnlyList<ExportEdge> Edges, bool Truncated);
