namespace CiteGraph.Graph.Analytics;

/// <summary>
/// PageRank on a <see cref="CsrGraph"/>: Neo4j GDS semantics (default) or the normalized igraph/networkx variant, optionally
/// personalized. GDS mode on unweighted graphs is a parallel pull over in-arcs; normalized mode on unweighted graphs is a
/// block Gauss–Seidel solve over strongly connected components in topological order (sequential; exact in one pass on
/// acyclic graphs); weighted graphs use a sequential power iteration pushing over out-arcs (weight share
/// <c>w(u,v)/Σ_out w(u)</c>, negative weights ignored).
/// </summary>
public static class PageRank
{
    /// <summary>Computes PageRank scores indexed by dense node id.</summary>
    /// <exception cref="ArgumentException">A source node id is out of range.</exception>
    public static PageRankResult Compute(CsrGraph graph, PageRankOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new PageRankOptions();
        int n = graph.NodeCount;
        double[]? teleport = Teleport(n, options.SourceNodes);
        var weightShare = graph.IsWeighted ? OutWeightSums(graph) : null;
        if (options.Mode == PageRankMode.Normalized && weightShare is null)
        {
            return PageRankGaussSeidel.Solve(graph, options, teleport);
        }

        var state = new Kernel(graph, options, weightShare);
        return options.Mode == PageRankMode.Gds ? state.RunGds(teleport) : state.RunNormalized(teleport);
    }

    private static double[]? Teleport(int n, IReadOnlyList<int>? seeds)
    {
        if (seeds is null || seeds.Count == 0)
        {
            return null;
        }

        var p = new double[n];
        foreach (int s in seeds)
        {
            if ((uint)s >= (uint)n)
            {
                throw new ArgumentException($"Source node {s} is outside 0..{n - 1}.", nameof(seeds));
            }

            p[s] = 1;
        }

        double count = p.Sum();
        for (int v = 0; v < n; v++)
        {
            p[v] /= count;
        }

        return p;
    }

    private static double[] OutWeightSums(CsrGraph g)
    {
        var sums = new double[g.NodeCount];
        var w = g.Weights!;
        var off = g.OutOffsets;
        for (int u = 0; u < sums.Length; u++)
        {
            double s = 0;
            for (int e = off[u]; e < off[u + 1]; e++)
            {
                s += Math.Max(0f, w[e]);
            }

            sums[u] = s;
        }

        return sums;
    }

    private sealed class Kernel(CsrGraph g, PageRankOptions o, double[]? outWeight)
    {
        private readonly int _n = g.NodeCount;
        private readonly int[] _chunks = ParallelRanges.ByEdges(g.InOffsets, 8 * ParallelRanges.Threads(o.MaxDegreeOfParallelism));
        private readonly ParallelOptions _parallel = new() { MaxDegreeOfParallelism = ParallelRanges.Threads(o.MaxDegreeOfParallelism) };

        public PageRankResult RunGds(double[]? teleport)
        {
            double d = o.Damping, tol = o.Tolerance;
            var rank = new double[_n];
            var send = new double[_n];
            var next = new double[_n];
            for (int v = 0; v < _n; v++)
            {
                rank[v] = teleport is null ? 1 - d : (teleport[v] > 0 ? 1 - d : 0);
                send[v] = rank[v];
            }

            Scale(send);
            int iterations = 1;
            bool converged = false;
            for (; iterations < o.MaxIterations; iterations++)
            {
                var msg = Propagate(send, next);
                long active = 0;
                var chunkActive = new int[_chunks.Length - 1];
                Parallel.For(0, _chunks.Length - 1, _parallel, c =>
                {
                    int count = 0;
                    for (int v = _chunks[c]; v < _chunks[c + 1]; v++)
                    {
                        double delta = d * msg[v];
                        rank[v] += delta;
                        bool sends = delta > tol;
                        msg[v] = sends ? delta : 0;
                        count += sends ? 1 : 0;
                    }

                    chunkActive[c] = count;
                });
                active = chunkActive.Sum(x => (long)x);
                (send, next) = (msg, send);
                if (active == 0)
                {
                    converged = true;
                    iterations++;
                    break;
                }

                Scale(send);
            }

            return new PageRankResult(rank, iterations, converged);
        }

        public PageRankResult RunNormalized(double[]? teleport)
        {
            double d = o.Damping;
            double uniform = _n == 0 ? 0 : 1.0 / _n;
            var x = new double[_n];
            var send = new double[_n];
            var next = new double[_n];
            for (int v = 0; v < _n; v++)
            {
                x[v] = teleport?[v] ?? uniform;
            }

            int iterations = 0;
            bool converged = false;
            while (iterations < o.MaxIterations)
            {
                iterations++;
                double dangling = 0;
                for (int v = 0; v < _n; v++)
                {
                    send[v] = x[v];
                    if (g.OutDegree(v) == 0 || (outWeight is not null && outWeight[v] <= 0))
                    {
                        dangling += x[v];
                    }
                }

                Scale(send);
                var msg = Propagate(send, next);
                var partial = new double[_chunks.Length - 1];
                Parallel.For(0, _chunks.Length - 1, _parallel, c =>
                {
                    double err = 0;
                    for (int v = _chunks[c]; v < _chunks[c + 1]; v++)
                    {
                        double p = teleport?[v] ?? uniform;
                        double value = (1 - d) * p + d * (msg[v] + dangling * p);
                        err += Math.Abs(value - x[v]);
                        x[v] = value;
                    }

                    partial[c] = err;
                });
                if (partial.Sum() < o.Tolerance)
                {
                    converged = true;
                    break;
                }
            }

            return new PageRankResult(x, iterations, converged);
        }

        // Turns per-node amounts into per-arc shares for the unweighted pull (amount / out-degree).
        private void Scale(double[] send)
        {
            if (outWeight is not null)
            {
                return;
            }

            var off = g.OutOffsets;
            Parallel.For(0, _chunks.Length - 1, _parallel, c =>
            {
                for (int v = _chunks[c]; v < _chunks[c + 1]; v++)
                {
                    int deg = off[v + 1] - off[v];
                    send[v] = deg == 0 ? 0 : send[v] / deg;
                }
            });
        }

        // msg[v] = Σ over arcs u→v of the share sent by u; returns the buffer holding msg.
        private double[] Propagate(double[] send, double[] msg)
        {
            if (outWeight is null)
            {
                var inOff = g.InOffsets;
                var src = g.Sources;
                Parallel.For(0, _chunks.Length - 1, _parallel, c =>
                {
                    for (int v = _chunks[c]; v < _chunks[c + 1]; v++)
                    {
                        double sum = 0;
                        for (int e = inOff[v]; e < inOff[v + 1]; e++)
                        {
                            sum += send[src[e]];
                        }

                        msg[v] = sum;
                    }
                });
                return msg;
            }

            Array.Clear(msg);
            var off = g.OutOffsets;
            var tgt = g.Targets;
            var w = g.Weights!;
            for (int u = 0; u < _n; u++)
            {
                double total = outWeight[u];
                if (send[u] == 0 || total <= 0)
                {
                    continue;
                }

                double share = send[u] / total;
                for (int e = off[u]; e < off[u + 1]; e++)
                {
                    if (w[e] > 0)
                    {
                        msg[tgt[e]] += share * w[e];
                    }
                }
            }

            return msg;
        }
    }
}
