namespace CiteGraph.Graph.Analytics;

/// <summary>
/// k-core decomposition (coreness of every node) by the Batagelj–Zaversnik bucket algorithm, O(n + m), on the simple
/// undirected view (<see cref="CsrGraph.ToUndirected"/>: direction ignored, self-loops dropped, parallel and reciprocal arcs
/// counted once).
/// </summary>
public static class KCore
{
    /// <summary>Returns the coreness of each node: the largest k such that the node belongs to the k-core.</summary>
    public static int[] Compute(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var g = graph.ToUndirected();
        int n = g.NodeCount;
        var off = g.OutOffsets;
        var adj = g.Targets;
        var degree = new int[n];
        int maxDegree = 0;
        for (int v = 0; v < n; v++)
        {
            degree[v] = off[v + 1] - off[v];
            maxDegree = Math.Max(maxDegree, degree[v]);
        }

        // bin[d] = first position of degree-d nodes in vert (sorted by current degree); pos[v] = position of v.
        var bin = new int[maxDegree + 2];
        foreach (int d in degree)
        {
            bin[d + 1]++;
        }

        for (int d = 0; d <= maxDegree; d++)
        {
            bin[d + 1] += bin[d];
        }

        var vert = new int[n];
        var pos = new int[n];
        var fill = bin[..^1];
        for (int v = 0; v < n; v++)
        {
            pos[v] = fill[degree[v]]++;
            vert[pos[v]] = v;
        }

        for (int i = 0; i < n; i++)
        {
            int v = vert[i];
            int dv = degree[v];
            for (int e = off[v]; e < off[v + 1]; e++)
            {
                int u = adj[e];
                int du = degree[u];
                if (du > dv)
                {
                    // Swap u with the first node of its bin, then shrink the bin from the left.
                    int pw = bin[du];
                    int w = vert[pw];
                    if (u != w)
                    {
                        vert[pos[u]] = w;
                        pos[w] = pos[u];
                        vert[pw] = u;
                        pos[u] = pw;
                    }

                    bin[du]++;
                    degree[u] = du - 1;
                }
            }
        }

        return degree;
    }
}
