using CiteGraph.Graph.Analytics;
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
        // Tens of thousands of pushes per call: dense per-thread arrays instead of dictionaries (the dictionaries' hashing
        // was most of `related`'s time), the result copied out for the few papers that received mass.
        var scratch = PushScratch.Rent(g.NodeCount);
        var queue = scratch.Queue;
        scratch.AddResidual(seed, 1.0);
        queue.Enqueue(seed);
        while (queue.Count > 0)
        {
            var u = queue.Dequeue();
            var degree = g.OutDegree(u) + g.InDegree(u);
            var r = scratch.Residual(u);
            if (r < Epsilon * Math.Max(degree, 1))
            {
                continue;
            }

            scratch.AddEstimate(u, Alpha * r);
            scratch.ClearResidual(u);
            if (degree == 0)
            {
                continue;
            }

            var share = (1 - Alpha) * r / degree;
            foreach (var v in g.OutNeighbors(u))
            {
                Push(scratch, g, v, share);
            }

            foreach (var v in g.InNeighbors(u))
            {
                Push(scratch, g, v, share);
            }
        }

        return scratch.Estimates();
    }

    private static void Push(PushScratch scratch, CsrGraph g, int v, double share)
    {
        var before = scratch.Residual(v);
        var after = before + share;
        scratch.AddResidual(v, share);
        var dv = Math.Max(g.OutDegree(v) + g.InDegree(v), 1);
        if (before < Epsilon * dv && after >= Epsilon * dv)
        {
            scratch.Queue.Enqueue(v);
        }
    }
}
