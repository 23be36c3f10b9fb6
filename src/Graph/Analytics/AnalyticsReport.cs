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
    TimeSpan Elapsed);

/// <summary>One algorithm's run: its name, duration and a one-line outcome.</summary>
public sealed record AnalyticsStep(string Algorithm, TimeSpan Elapsed, string Outcome);
