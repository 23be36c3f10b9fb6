namespace CiteGraph.Graph.Analytics;

/// <summary>Weakly connected components (edge direction ignored) by union–find with path halving, O(m·α(n)).</summary>
public static class WeaklyConnectedComponents
{
    /// <summary>
    /// Computes the components. Component ids are dense and ordered by the smallest node id in each component.
    /// </summary>
    public static ComponentsResult Compute(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int n = graph.NodeCount;
        var parent = new int[n];
        for (int v = 0; v < n; v++)
        {
            parent[v] = v;
        }

        var off = graph.OutOffsets;
        var tgt = graph.Targets;
        for (int u = 0; u < n; u++)
        {
            for (int e = off[u]; e < off[u + 1]; e++)
            {
                int a = Find(parent, u), b = Find(parent, tgt[e]);
                if (a != b)
                {
                    // Union by smaller index keeps roots at the smallest member, which makes numbering cheap.
                    if (a < b)
                    {
                        parent[b] = a;
                    }
                    else
                    {
                        parent[a] = b;
                    }
                }
            }
        }

        // Links always point to a smaller index (union by smaller root, path halving), so parent[v] <= v and one forward
        // pass labels every node from its already-labelled parent.
        int count = 0;
        var membership = new int[n];
        for (int v = 0; v < n; v++)
        {
            int p = parent[v];
            membership[v] = p == v ? count++ : membership[p];
        }

        return new ComponentsResult(membership, count);
    }

    private static int Find(int[] parent, int v)
    {
        while (parent[v] != v)
        {
            int grand = parent[parent[v]];
            parent[v] = grand;
            v = grand;
        }

        return v;
    }
}
