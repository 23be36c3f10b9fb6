namespace CiteGraph.Graph.Analytics;

/// <summary>Newman–Girvan modularity with resolution on the weighted undirected view of a graph.</summary>
public static class Modularity
{
    /// <summary>
    /// Q = (1/2m) Σ_ij [A_ij − γ·k_i·k_j / 2m]·δ(c_i, c_j) on <see cref="CsrGraph.ToUndirected"/> (self-loops dropped,
    /// parallel/reciprocal arcs summed), where m is the total edge weight and k_i the weighted degree.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="communities"/> does not have one non-negative entry per node.</exception>
    public static double Compute(CsrGraph graph, ReadOnlySpan<int> communities, double resolution = 1.0)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (communities.Length != graph.NodeCount)
        {
            throw new ArgumentException($"Expected {graph.NodeCount} community ids, got {communities.Length}.", nameof(communities));
        }

        var copy = communities.ToArray();
        if (copy.Any(c => c < 0))
        {
            throw new ArgumentException("Community ids must be non-negative.", nameof(communities));
        }

        return CommunityGraph.From(graph).Modularity(copy, resolution);
    }
}
