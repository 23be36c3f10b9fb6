namespace CiteGraph.Graph.Export;

/// <summary>What to export: the whole graph (no seeds) or the papers within <see cref="Radius"/> hops of some seeds.</summary>
public sealed record ExportScope
{
    /// <summary>The whole graph.</summary>
    public static ExportScope Everything { get; } = new();

    /// <summary>Seed papers by CiteGraph id or external id (arXiv id, DOI, …); empty for the whole graph.</summary>
    public IReadOnlyList<string> Seeds { get; init; } = [];

    /// <summary>Hops from the seeds over citations (either way) and shared repositories. Default 1.</summary>
    public int Radius { get; init; } = 1;

    /// <summary>Most papers a seeded export holds. Default 200.</summary>
    public int MaxNodes { get; init; } = 200;

    /// <summary>Most edges a seeded export holds. Default 5,000.</summary>
    public int MaxEdges { get; init; } = 5_000;

    /// <summary>Whether this is the whole graph.</summary>
    public bool IsEverything => Seeds.Count == 0;
}
