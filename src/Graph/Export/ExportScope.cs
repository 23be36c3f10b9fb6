using CiteGraph.Graph.Traversal;

namespace CiteGraph.Graph.Export;

/// <summary>
/// What to export: the whole graph (no seeds) or the papers within <see cref="Radius"/> hops of some seeds, with the edges
/// of <see cref="Kinds"/> among them.
/// </summary>
public sealed record ExportScope
{
    /// <summary>The whole graph.</summary>
    public static ExportScope Everything { get; } = new();

    /// <summary>Seed papers by CiteGraph id or external id (arXiv id, DOI, …); empty for the whole graph.</summary>
    public IReadOnlyList<string> Seeds { get; init; } = [];

    /// <summary>Hops from the seeds over edges of <see cref="Kinds"/> (citations either way). Default 1.</summary>
    public int Radius { get; init; } = 1;

    /// <summary>Most papers a seeded export holds. Default 200.</summary>
    public int MaxNodes { get; init; } = 200;

    /// <summary>Most edges a seeded export holds. Default 5,000.</summary>
    public int MaxEdges { get; init; } = 5_000;

    /// <summary>
    /// The edge kinds written, and for a seeded export also followed. Default <see cref="EdgeKinds.All"/>. The whole graph
    /// keeps every paper whatever the kinds; with citations only, every edge is directed.
    /// </summary>
    public EdgeKinds Kinds { get; init; } = EdgeKinds.All;

    /// <summary>Whether this is the whole graph.</summary>
    public bool IsEverything => Seeds.Count == 0;
}
