namespace CiteGraph.Graph.Model;

/// <summary>The last analytics run: when, over which graph, what ran, and the modularity of its communities.</summary>
public sealed record AnalyticsSummary(DateTimeOffset RanAt, string Graph, IReadOnlyList<string> Algorithms, double? Modularity, int Communities);
