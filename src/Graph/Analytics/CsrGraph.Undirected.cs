namespace CiteGraph.Graph.Analytics;

public sealed partial class CsrGraph
{
    /// <summary>
    /// Returns the symmetrized undirected view used by communities, k-core and undirected betweenness
    /// (computed once and cached; returns <c>this</c> when already undirected).
    /// </summary>
    /// <remarks>
    /// Every arc <c>u→v</c> becomes the undirected edge <c>{u,v}</c>, stored once in the row of <c>u</c> and once in
    /// the row of <c>v</c>. Self-loops are dropped. Parallel arcs and reciprocal pairs (<c>u→v</c> and <c>v→u</c>) are
    /// collapsed into one edge whose weight is the sum of their weights (1 each when unweighted) — the same
    /// adjacency as a GDS <c>UNDIRECTED</c> projection of the multigraph, and as igraph
    /// <c>as_undirected(mode="collapse", combine_edges="sum")</c> after removing loops. The view is unweighted only
    /// when the source is unweighted and nothing was collapsed.
    /// </remarks>
    public CsrGraph ToUndirected()
    {
        return _undirected ??= BuildUndirected();
    }

    /// <summary>An undirected view from its symmetric rows (each edge in the rows of both ends, no self-loops, no duplicates).</summary>
    internal static CsrGraph FromUndirectedRows(int[] offsets, int[] adjacency, float[]? weights) =>
        new(offsets, adjacency, weights, offsets, adjacency, undirected: true);

    private CsrGraph BuildUndirected()
    {
        int n = NodeCount;
        var offsets = new int[n + 1];
        for (int u = 0; u < n; u++)
        {
            for (int e = _outOffsets[u]; e < _outOffsets[u + 1]; e++)
            {
                int v = _targets[e];
                if (v != u)
                {
                    offsets[u + 1]++;
                    offsets[v + 1]++;
                }
            }
        }

        for (int u = 0; u < n; u++)
        {
            offsets[u + 1] += offsets[u];
        }

        int total = offsets[n];
        LargeAllocations.MakeRoomFor(total * (long)(sizeof(int) + sizeof(float)));
        var adj = new int[total];
        var w = new float[total];
        var pos = offsets[..^1];
        for (int u = 0; u < n; u++)
        {
            for (int e = _outOffsets[u]; e < _outOffsets[u + 1]; e++)
            {
                int v = _targets[e];
                if (v == u)
                {
                    continue;
                }

                float weight = _weights is null ? 1f : _weights[e];
                int pu = pos[u]++;
                adj[pu] = v;
                w[pu] = weight;
                int pv = pos[v]++;
                adj[pv] = u;
                w[pv] = weight;
            }
        }

        // Collapse duplicates row by row, compacting in place (the write cursor never passes the read cursor).
        var mark = new int[n];
        Array.Fill(mark, -1);
        var slot = new int[n];
        bool merged = false;
        int write = 0;
        int rowStart = 0;
        for (int u = 0; u < n; u++)
        {
            int rowEnd = offsets[u + 1];
            offsets[u] = write;
            for (int r = rowStart; r < rowEnd; r++)
            {
                int v = adj[r];
                if (mark[v] == u)
                {
                    w[slot[v]] += w[r];
                    merged = true;
                }
                else
                {
                    mark[v] = u;
                    slot[v] = write;
                    adj[write] = v;
                    w[write] = w[r];
                    write++;
                }
            }

            rowStart = rowEnd;
        }

        offsets[n] = write;
        if (write != total)
        {
            Array.Resize(ref adj, write);
            Array.Resize(ref w, write);
        }

        float[]? weights = _weights is null && !merged ? null : w;
        return new CsrGraph(offsets, adj, weights, offsets, adj, undirected: true);
    }
}
