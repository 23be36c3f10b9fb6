using CiteGraph.Graph.Snapshot;

namespace CiteGraph.Graph.Traversal;

/// <summary>
/// Approximate personalized PageRank from one paper by forward push (Andersen, Chung and Lang, 2006) over the undirected
/// citation graph: local work bounded by 1 / (ε · α) pushes, whatever the graph's size, residual below ε per degree.
/// </summary>
public static class PersonalizedPush
{
    /// <summary>Teleport probability α (1 − damping 0.85).</summary>
    public const double Alpha = 0.15;

    /// <summary>Residual tolerance per unit of degree.</summary>
    public const double Epsilon = 1e-4;

    /// <summary>Approximate PPR mass per reached paper (the seed included).</summary>
    public static Dictionary<int, double> Compute(GraphSnapshot snapshot, int seed)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var g = snapshot.Citations;
        var estimate = new Dictionary<int, double>();
        var residual = new Dictionary<int, double> { [seed] = 1.0 };
        var queue = new Queue<int>();
        queue.Enqueue(seed);
        while (queue.Count > 0)
        {
            var u = queue.Dequeue();
            var degree = g.OutDegree(u) + g.InDegree(u);
            var r = residual.GetValueOrDefault(u);
            if (r < Epsilon * Math.Max(degree, 1))
            {
                continue;
            }

            estimate[u] = estimate.GetValueOrDefault(u) + Alpha * r;
            residual[u] = 0;
            if (degree == 0)
            {
                continue;
            }

            var share = (1 - Alpha) * r / degree;
            void Push(int v)
            {
                var before = residual.GetValueOrDefault(v);
                var after = before + share;
                residual[v] = after;
                var dv = Math.Max(g.OutDegree(v) + g.InDegree(v), 1);
                if (before < Epsilon * dv && after >= Epsilon * dv)
                {
                    queue.Enqueue(v);
                }
            }

            foreach (var v in g.OutNeighbors(u))
            {
                Push(v);
            }

            foreach (var v in g.InNeighbors(u))
            {
                Push(v);
            }
        }

        return estimate;
    }
}
