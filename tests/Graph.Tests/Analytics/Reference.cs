using CiteGraph.Graph.Analytics;

namespace CiteGraph.Graph.Tests.Analytics;

/// <summary>Slow, obviously correct reference implementations written straight from the definitions.</summary>
internal static class Reference
{
    /// <summary>The GDS loop exactly as written in notes/neo4j-http.md §6.2, over an arc list.</summary>
    public static double[] GdsPageRank(CsrGraph g, double d = 0.85, int maxIterations = 20, double tolerance = 1e-7, int[]? sources = null)
    {
        int n = g.NodeCount;
        var arcs = TestGraphs.Arcs(g);
        var outWeight = new double[n];
        foreach (var (from, _, w) in arcs)
        {
            outWeight[from] += Math.Max(0, w);
        }

        var rank = new double[n];
        var sending = new bool[n];
        for (int v = 0; v < n; v++)
        {
            rank[v] = sources is null || sources.Contains(v) ? 1 - d : 0;
            sending[v] = true;
        }

        var delta = (double[])rank.Clone();
        for (int step = 1; step < maxIterations; step++)
        {
            var msg = new double[n];
            foreach (var (from, to, w) in arcs)
            {
                if (sending[from] && w > 0)
                {
                    msg[to] += delta[from] * w / outWeight[from];
                }
            }

            for (int v = 0; v < n; v++)
            {
                delta[v] = d * msg[v];
                rank[v] += delta[v];
                sending[v] = delta[v] > tolerance;
            }
        }

        return rank;
    }

    /// <summary>Textbook power iteration of the (weighted) Google matrix with dangling nodes teleporting along p, run to 1e-15.</summary>
    public static double[] NormalizedPageRank(CsrGraph g, double d = 0.85, int[]? sources = null)
    {
        int n = g.NodeCount;
        var arcs = TestGraphs.Arcs(g);
        var outDegree = new double[n];
        foreach (var (from, _, w) in arcs)
        {
            outDegree[from] += w;
        }

        var p = new double[n];
        for (int v = 0; v < n; v++)
        {
            p[v] = sources is null ? 1.0 / n : sources.Contains(v) ? 1.0 / sources.Length : 0;
        }

        var x = (double[])p.Clone();
        for (int iteration = 0; iteration < 10_000; iteration++)
        {
            double dangling = Enumerable.Range(0, n).Where(v => outDegree[v] == 0).Sum(v => x[v]);
            var next = new double[n];
            for (int v = 0; v < n; v++)
            {
                next[v] = (1 - d) * p[v] + d * dangling * p[v];
            }

            foreach (var (from, to, w) in arcs)
            {
                next[to] += d * x[from] * w / outDegree[from];
            }

            double change = Enumerable.Range(0, n).Sum(v => Math.Abs(next[v] - x[v]));
            x = next;
            if (change < 1e-15)
            {
                break;
            }
        }

        return x;
    }

    /// <summary>
    /// Betweenness from all-pairs BFS distances and path counts: B(v) = Σ_{s≠v≠t} σ_sv·σ_vt/σ_st over pairs where v lies on a
    /// shortest s–t path; halved for undirected graphs.
    /// </summary>
    public static double[] Betweenness(CsrGraph g)
    {
        int n = g.NodeCount;
        var dist = new int[n][];
        var sigma = new double[n][];
        for (int s = 0; s < n; s++)
        {
            (dist[s], sigma[s]) = Bfs(g, s);
        }

        var result = new double[n];
        for (int s = 0; s < n; s++)
        {
            for (int t = 0; t < n; t++)
            {
                if (s == t || dist[s][t] < 0)
                {
                    continue;
                }

                for (int v = 0; v < n; v++)
                {
                    if (v != s && v != t && dist[s][v] >= 0 && dist[v][t] >= 0 && dist[s][v] + dist[v][t] == dist[s][t])
                    {
                        result[v] += sigma[s][v] * sigma[v][t] / sigma[s][t];
                    }
                }
            }
        }

        return g.IsUndirected ? result.Select(x => x / 2).ToArray() : result;
    }

    private static (int[] Dist, double[] Sigma) Bfs(CsrGraph g, int s)
    {
        var dist = Enumerable.Repeat(-1, g.NodeCount).ToArray();
        var sigma = new double[g.NodeCount];
        dist[s] = 0;
        sigma[s] = 1;
        var queue = new Queue<int>([s]);
        while (queue.Count > 0)
        {
            int v = queue.Dequeue();
            foreach (int w in g.OutNeighbors(v))
            {
                if (dist[w] < 0)
                {
                    dist[w] = dist[v] + 1;
                    queue.Enqueue(w);
                }

                if (dist[w] == dist[v] + 1)
                {
                    sigma[w] += sigma[v];
                }
            }
        }

        return (dist, sigma);
    }

    /// <summary>Coreness by repeated peeling on the simple undirected graph: for k = 1, 2, ... remove nodes of degree &lt; k.</summary>
    public static int[] Coreness(CsrGraph g)
    {
        int n = g.NodeCount;
        var neighbours = new HashSet<int>[n];
        for (int v = 0; v < n; v++)
        {
            neighbours[v] = [];
        }

        foreach (var (from, to, _) in TestGraphs.Arcs(g))
        {
            if (from != to)
            {
                neighbours[from].Add(to);
                neighbours[to].Add(from);
            }
        }

        var core = new int[n];
        var alive = new HashSet<int>(Enumerable.Range(0, n));
        for (int k = 1; alive.Count > 0; k++)
        {
            bool removed;
            do
            {
                var drop = alive.Where(v => neighbours[v].Count(alive.Contains) < k).ToList();
                foreach (int v in drop)
                {
                    core[v] = k - 1;
                    alive.Remove(v);
                }

                removed = drop.Count > 0;
            }
            while (removed);
        }

        return core;
    }

    /// <summary>Q = Σ_c [L_c/m − γ(D_c/2m)²] from the simple undirected edge set with summed weights, self-loops dropped.</summary>
    public static double Modularity(CsrGraph g, IReadOnlyList<int> community, double gamma = 1.0)
    {
        var edges = new Dictionary<(int, int), double>();
        foreach (var (from, to, w) in TestGraphs.Arcs(g))
        {
            if (from != to)
            {
                var key = (Math.Min(from, to), Math.Max(from, to));
                edges[key] = edges.GetValueOrDefault(key) + w;
            }
        }

        double m = edges.Values.Sum();
        var internalWeight = new Dictionary<int, double>();
        var degree = new Dictionary<int, double>();
        foreach (var ((a, b), w) in edges)
        {
            degree[community[a]] = degree.GetValueOrDefault(community[a]) + w;
            degree[community[b]] = degree.GetValueOrDefault(community[b]) + w;
            if (community[a] == community[b])
            {
                internalWeight[community[a]] = internalWeight.GetValueOrDefault(community[a]) + w;
            }
        }

        return degree.Keys.Sum(c => internalWeight.GetValueOrDefault(c) / m - gamma * Math.Pow(degree[c] / (2 * m), 2));
    }
}
