namespace CiteGraph.Graph.Analytics;

/// <summary>Parameters of <see cref="Betweenness.Compute"/>.</summary>
public sealed record BetweennessOptions
{
    /// <summary>
    /// Number of source nodes to sample; <c>null</c> (the default) or ≥ node count means exact Brandes over all sources.
    /// </summary>
    public int? SamplingSize
    {
        get;
        init
        {
            if (value is <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(SamplingSize), value, "SamplingSize must be positive.");
            }

            field = value;
        }
    }

    /// <summary>Seed for choosing sampled sources. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Maximum threads; <c>null</c> (the default) means <see cref="Environment.ProcessorCount"/>.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}

/// <summary>
/// Unweighted betweenness centrality (Brandes 2001), parallel over source nodes, with Neo4j GDS conventions: raw,
/// unnormalized pair-dependency sums; directed unless the graph is an undirected view (<see cref="CsrGraph.ToUndirected"/>),
/// in which case every unordered pair is counted once (scores halved). Weights are ignored (hop counts).
/// </summary>
/// <remarks>
/// <para>Exact: O(n·m) time, O(n) memory per thread.</para>
/// <para>
/// Sampled (<see cref="BetweennessOptions.SamplingSize"/> = k &lt; n): k distinct sources drawn uniformly at random (seeded),
/// each source's dependencies scaled by n/k, which makes the estimate unbiased. Every source's dependency on a node lies in
/// [0, n−2] (directed; the halved undirected value too), so by Hoeffding's inequality (which also holds for sampling without
/// replacement), for each node v and any ε &gt; 0:
/// P(|B̂(v) − B(v)| ≥ ε·n·(n−2)) ≤ 2·exp(−2kε²). By the union bound, all n estimates are within ε·n·(n−2) of the truth
/// with probability ≥ 1−δ when k ≥ ln(2n/δ) / (2ε²).
/// </para>
/// </remarks>
public static class Betweenness
{
    /// <summary>Computes betweenness scores indexed by dense node id.</summary>
    public static double[] Compute(CsrGraph graph, BetweennessOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new BetweennessOptions();
        int n = graph.NodeCount;
        int[] sources = SelectSources(n, options);
        double scale = (sources.Length == n ? 1.0 : (double)n / sources.Length) * (graph.IsUndirected ? 0.5 : 1.0);
        var total = new double[n];
        var gate = new object();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ParallelRanges.Threads(options.MaxDegreeOfParallelism) };
        Parallel.For(
            0,
            sources.Length,
            parallel,
            () => new Worker(graph),
            (i, _, worker) =>
            {
                worker.Accumulate(sources[i]);
                return worker;
            },
            worker =>
            {
                lock (gate)
                {
                    var c = worker.Centrality;
                    for (int v = 0; v < n; v++)
                    {
                        total[v] += c[v];
                    }
                }
            });
        if (scale != 1.0)
        {
            for (int v = 0; v < n; v++)
            {
                total[v] *= scale;
            }
        }

        return total;
    }

    private static int[] SelectSources(int n, BetweennessOptions options)
    {
        var all = new int[n];
        for (int v = 0; v < n; v++)
        {
            all[v] = v;
        }

        if (options.SamplingSize is not { } k || k >= n)
        {
            return all;
        }

        var random = new Random(options.Seed);
        for (int i = 0; i < k; i++)
        {
            int j = random.Next(i, n);
            (all[i], all[j]) = (all[j], all[i]);
        }

        return all[..k];
    }

    /// <summary>Per-thread Brandes state; arrays are reset only where a search touched them.</summary>
    private sealed class Worker
    {
        private readonly int[] _offsets;
        private readonly int[] _targets;
        private readonly int[] _dist;
        private readonly double[] _sigma;
        private readonly double[] _coefficient;
        private readonly int[] _order;

        public Worker(CsrGraph graph)
        {
            int n = graph.NodeCount;
            _offsets = graph.OutOffsets;
            _targets = graph.Targets;
            _dist = new int[n];
            Array.Fill(_dist, -1);
            _sigma = new double[n];
            _coefficient = new double[n];
            _order = new int[n];
            Centrality = new double[n];
        }

        public double[] Centrality { get; }

        public void Accumulate(int source)
        {
            int[] off = _offsets, tgt = _targets, dist = _dist, order = _order;
            double[] sigma = _sigma, coef = _coefficient;
            dist[source] = 0;
            sigma[source] = 1;
            order[0] = source;
            int head = 0, tail = 1;
            while (head < tail)
            {
                int v = order[head++];
                int dv = dist[v] + 1;
                double sv = sigma[v];
                for (int e = off[v]; e < off[v + 1]; e++)
                {
                    int w = tgt[e];
                    if (dist[w] < 0)
                    {
                        dist[w] = dv;
                        order[tail++] = w;
                    }

                    if (dist[w] == dv)
                    {
                        sigma[w] += sv;
                    }
                }
            }

            // Pull formulation of the dependency accumulation over successors, in reverse BFS order:
            // delta(v) = sigma(v) * Σ_{w: dist(w) = dist(v)+1} (1 + delta(w)) / sigma(w); coef(w) caches (1 + delta(w)) / sigma(w).
            var centrality = Centrality;
            for (int i = tail - 1; i >= 0; i--)
            {
                int v = order[i];
                int next = dist[v] + 1;
                double sum = 0;
                for (int e = off[v]; e < off[v + 1]; e++)
                {
                    int w = tgt[e];
                    if (dist[w] == next)
                    {
                        sum += coef[w];
                    }
                }

                double delta = sigma[v] * sum;
                if (v != source)
                {
                    centrality[v] += delta;
                }

                coef[v] = (1 + delta) / sigma[v];
            }

            for (int i = 0; i < tail; i++)
            {
                int v = order[i];
                dist[v] = -1;
                sigma[v] = 0;
            }
        }
    }
}
