using CiteGraph.Graph.Snapshot;

namespace CiteGraph.Graph.Traversal;

/// <summary>A neighbourhood for drawing: papers (dense indexes, seeds first) and the allowed edges among them.</summary>
public sealed record SubgraphResult(IReadOnlyList<int> Nodes, IReadOnlySet<int> Seeds, IReadOnlyList<TraversalEdge> Edges, bool Truncated);

/// <summary>The papers within a radius of some seeds, bounded in nodes and edges, for visualization front ends.</summary>
public static class Subgraph
{
    /// <summary>
    /// Breadth-first from <paramref name="seeds"/> over the undirected view, up to <paramref name="radius"/> hops and
    /// <paramref name="maxNodes"/> papers; then every allowed edge among the papers kept, at most <paramref name="maxEdges"/>.
    /// </summary>
    public static SubgraphResult Compute(GraphSnapshot snapshot, IReadOnlyCollection<int> seeds, int radius, int maxNodes, EdgeFilter filter, int maxEdges)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(seeds);
        var kept = new HashSet<int>();
        var order = new List<int>();
        foreach (var seed in seeds)
        {
            if (order.Count < maxNodes && kept.Add(seed))
            {
                order.Add(seed);
            }
        }

        var truncated = order.Count < seeds.Distinct().Count();
        var frontier = order.ToList();
        var edges = new List<TraversalEdge>();
        for (var hop = 0; hop < radius && frontier.Count > 0 && !truncated; hop++)
        {
            var next = new List<int>();
            foreach (var paper in frontier)
            {
                edges.Clear();
                Neighborhood.Undirected(snapshot, paper, filter, edges);
                foreach (var edge in edges)
                {
                    var other = Neighborhood.Other(edge, paper);
                    if (kept.Contains(other))
                    {
                        continue;
                    }

                    if (order.Count == maxNodes)
                    {
                        truncated = true;
                        break;
                    }

                    kept.Add(other);
                    order.Add(other);
                    next.Add(other);
                }

                if (truncated)
                {
                    break;
                }
            }

            frontier = next;
        }

        var result = new List<TraversalEdge>();
        var pairs = new HashSet<(int, int, EdgeKinds)>();
        foreach (var paper in order)
        {
            edges.Clear();
            Neighborhood.Undirected(snapshot, paper, filter, edges);
            foreach (var edge in edges)
            {
                if (!kept.Contains(Neighborhood.Other(edge, paper)))
                {
                    continue;
                }

                // Citations are seen from both ends, shared repositories and co-topic links from both papers: keep each once.
                var key = edge.Kind is EdgeKinds.SharedRepo or EdgeKinds.CoTopic
                    ? (Math.Min(edge.Source, edge.Target), Math.Max(edge.Source, edge.Target), edge.Kind)
                    : (edge.Source, edge.Target, edge.Kind);
                if (pairs.Add(key))
                {
                    if (result.Count == maxEdges)
                    {
                        return new SubgraphResult(order, seeds.ToHashSet(), result, Truncated: true);
                    }

                    result.Add(edge);
                }
            }
        }

        return new SubgraphResult(order, seeds.ToHashSet(), result, truncated);
    }
}
