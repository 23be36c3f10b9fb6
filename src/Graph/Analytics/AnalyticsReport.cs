namespace CiteGraph.Graph.Analytics;

/// <summary>What an analytics run computed and how long each step took.</summary>
public sealed record AnalyticsReport(
    int Nodes,
    int Edges,
    IReadOnlyList<AnalyticsStep> Steps,
    int? Communities,
    double? Modularity,
    int? WeakComponents,
    int? StrongComponents,
    TimeSpan Elapsed)
{
    /// <summary>The graph communities were found on, and why; null when no community algorithm ran.</summary>
    public GraphChoice? Graph { get; init; }

    /// <summary>Per hierarchy level, coarse to fine: how many communities, how many single papers, and their sizes.</summary>
    public IReadOnlyList<CommunitySizes> Levels { get; init; } = [];
}

/// <summary>One algorithm's run: its name, duration and a one-line outcome.</summary>
public sealed record AnalyticsStep(string Algorithm, TimeSpan Elapsed, string Outcome);
