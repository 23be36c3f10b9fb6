using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Storage;

/// <summary>
/// What an analytics run writes back: per-paper scores aligned with <see cref="NodeIds"/> (an array left null was not
/// computed and keeps its stored values), the communities, and the run's description.
/// </summary>
public sealed record AnalyticsResults
{
    public required string[] NodeIds { get; init; }
    public double[]? PageRank { get; init; }
    public double[]? Betweenness { get; init; }
    public int[]? Community { get; init; }
    public int[]? CoreNumber { get; init; }
    public int[]? Component { get; init; }
    public IReadOnlyList<Community>? Communities { get; init; }
    public double? Modularity { get; init; }
    public required string Graph { get; init; }
    public required IReadOnlyList<string> Algorithms { get; init; }
    public required DateTimeOffset RanAt { get; init; }
}
