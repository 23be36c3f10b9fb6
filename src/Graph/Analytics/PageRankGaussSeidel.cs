using System.Diagnostics;

namespace CiteGraph.Graph.Analytics;

/// <summary>
/// Normalized PageRank for unweighted graphs as a linear system solved by block Gauss–Seidel over the strongly connected
/// components in topological order (the approach of PRPACK, igraph's solver).
/// </summary>
/// <remarks>
/// With dangling mass sent along the teleport vector p, the PageRank x satisfies x = d·Pᵀx + c·p for a scalar c, so
/// x = y / Σy where y solves y = d·Pᵀy + p. Solving y component by component, sources of the condensation first, makes every
/// in-neighbour outside the current component final; an acyclic graph is solved exactly in one pass, and each cyclic
/// component is swept until its L1 change is below the tolerance (Σy ≥ 1, so that bounds the normalized change as well).
/// </remarks>
internal static class PageRankGaussSeidel
{
    public static PageRankResult Solve(CsrGraph g, PageRankOptions options, double[]? teleport)
    {
        int n = g.NodeCount;
        double d = options.Damping;
        double uniform = n == 0 ? 0 : 1.0 / n;
        var components = StronglyConnectedComponents.Compute(g);
        var (order, blocks) = TopologicalBlocks(components);
        var inOff = g.InOffsets;
        var src = g.Sources;
        var outOff = g.OutOffsets;
        var inverseDegree = new double[n];
        for (int v = 0; v < n; v++)
        {
            int degree = outOff[v + 1] - outOff[v];
            inverseDegree[v] = degree == 0 ? 0 : 1.0 / degree;
        }

        var y = new double[n];
        var share = new double[n];
        int maxSweeps = 1;
        bool converged = true;
        for (int b = 0; b < blocks.Length - 1; b++)
        {
            int start = blocks[b], end = blocks[b + 1];
            bool cyclic = end - start > 1 || HasSelfLoop(g, order[start]);
            int sweeps = 0;
            double change;
            do
            {
                sweeps++;
                change = 0;
                for (int i = start; i < end; i++)
                {
                    int v = order[i];
                    double sum = 0;
                    for (int e = inOff[v]; e < inOff[v + 1]; e++)
                    {
                        sum += share[src[e]];
                    }

                    double value = (teleport?[v] ?? uniform) + d * sum;
                    change += Math.Abs(value - y[v]);
                    y[v] = value;
                    share[v] = value * inverseDegree[v];
                }
            }
            while (cyclic && change >= options.Tolerance && sweeps < options.MaxIterations);

            converged &= !cyclic || change < options.Tolerance;
            maxSweeps = Math.Max(maxSweeps, sweeps);
        }

        double total = y.Sum();
        if (total > 0)
        {
            for (int v = 0; v < n; v++)
            {
                y[v] /= total;
            }
        }

        return new PageRankResult(y, maxSweeps, converged);
    }

    // Nodes grouped by component, components in decreasing id = topological order of the condensation (Tarjan numbers sinks first).
    private static (int[] Order, int[] Blocks) TopologicalBlocks(ComponentsResult components)
    {
        int count = components.Count;
        var blocks = new int[count + 1];
        foreach (int c in components.Membership)
        {
            blocks[count - c]++;
        }

        for (int b = 0; b < count; b++)
        {
            blocks[b + 1] += blocks[b];
        }

        var fill = blocks[..^1];
        var order = new int[components.Membership.Length];
        for (int v = 0; v < order.Length; v++)
        {
            order[fill[count - 1 - components.Membership[v]]++] = v;
        }

        Debug.Assert(count == 0 || fill[^1] == order.Length, "every node is placed in its block");
        return (order, blocks);
    }

    private static bool HasSelfLoop(CsrGraph g, int v) => g.OutNeighbors(v).Contains(v);
}
