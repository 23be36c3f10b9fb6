namespace CiteGraph.Graph.Analytics;

/// <summary>
/// Starting partitions for a warm-started <see cref="Leiden"/>: a previous run's communities of the same nodes, with nodes
/// the previous run did not place (new papers) each alone.
/// </summary>
public static class WarmStart
{
    /// <summary>Renumbers <paramref name="partition"/> densely 0..k-1 in order of first appearance; a negative entry becomes a community of its own.</summary>
    /// <exception cref="ArgumentException">The partition does not have <paramref name="nodeCount"/> entries.</exception>
    public static int[] Dense(IReadOnlyList<int> partition, int nodeCount)
    {
        ArgumentNullException.ThrowIfNull(partition);
        if (partition.Count != nodeCount)
        {
            throw new ArgumentException($"The initial partition has {partition.Count} entries for {nodeCount} nodes.", nameof(partition));
        }

        var dense = new int[nodeCount];
        var numbers = new Dictionary<int, int>();
        var next = 0;
        for (var v = 0; v < nodeCount; v++)
        {
            var c = partition[v];
            if (c < 0)
            {
                dense[v] = next++;
            }
            else if (numbers.TryGetValue(c, out var d))
            {
                dense[v] = d;
            }
            else
            {
                numbers[c] = dense[v] = next++;
            }
        }

        return dense;
    }

    /// <summary>
    /// The previous partition of <paramref name="nodes"/> (positions of a subgraph, in its order), or of every node when
    /// <paramref name="nodes"/> is null: what a hierarchy level's detection starts from.
    /// </summary>
    public static int[] Restrict(int[] previous, IReadOnlyList<int>? nodes)
    {
        ArgumentNullException.ThrowIfNull(previous);
        if (nodes is null)
        {
            return previous;
        }

        var restricted = new int[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            restricted[i] = previous[nodes[i]];
        }

        return restricted;
    }
}
