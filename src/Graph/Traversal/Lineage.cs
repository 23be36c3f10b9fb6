using CiteGraph.Graph.Snapshot;

namespace CiteGraph.Graph.Traversal;

/// <summary>Which way lineage runs from a paper.</summary>
public enum LineageDirection
{
    /// <summary>What the paper builds on: the papers it cites, and theirs.</summary>
    Ancestors,

    /// <summary>What built on the paper: the papers citing it, and theirs.</summary>
    Descendants,
}

/// <summary>A lineage: papers (dense indexes) with their depth from the root, and the citations among them.</summary>
public sealed record LineageResult(int Root, IReadOnlyList<(int Paper, int Depth)> Nodes, IReadOnlyList<TraversalEdge> Edges, bool Truncated);

/// <summary>Breadth-first lineage over citations: nearest generations first, bounded by depth and node count.</summary>
public static class Lineage
{
    /// <summary>
    /// Papers within <paramref name="maxDepth"/> citation hops of <paramref name="root"/> in <paramref name="direction"/>,
    /// at most <paramref name="first"/> of them (nearest first), and every allowed citation among them and the root.
    /// </summary>
    public static LineageResult Compute(GraphSnapshot snapshot, int root, LineageDirection direction, int maxDepth, EdgeFilter filter, int first)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDepth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        var depth = new Dictionary<int, int> { [root] = 0 };
        var nodes = new List<(int, int)>();
        var frontier = new List<int> { root };
        var edges = new List<TraversalEdge>();
        var truncated = false;
        var ancestors = direction == LineageDirection.Ancestors;
        for (var d = 1; d <= maxDepth && frontier.Count > 0 && !truncated; d++)
        {
            var next = new List<int>();
            foreach (var paper in frontier)
            {
                edges.Clear();
                Neighborhood.Citations(snapshot, paper, filter, outgoing: ancestors, incoming: !ancestors, edges);
                foreach (var edge in edges)
                {
                    var other = ancestors ? edge.Target : edge.Source;
                    if (depth.ContainsKey(other))
                    {
                        continue;
                    }

                    if (nodes.Count == first)
                    {
                        truncated = true;
                        break;
                    }

                    depth[other] = d;
                    nodes.Add((other, d));
                    next.Add(other);
                }

                if (truncated)
                {
                    break;
                }
            }

            frontier = next;
        }

        // Every allowed citation among the papers kept, oriented citing → cited.
        var result = new List<TraversalEdge>();
        foreach (var paper in depth.Keys)
        {
            edges.Clear();
            Neighborhood.Citations(snapshot, paper, filter, outgoing: true, incoming: false, edges);
            result.AddRange(edges.Where(e => depth.ContainsKey(e.Target)));
        }

        result.Sort((a, b) => a.Source != b.Source ? a.Source.CompareTo(b.Source) : a.Target.CompareTo(b.Target));
        return new LineageResult(root, nodes, result, truncated);
    }
}
