using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using CiteGraph.Graph.Analytics;

namespace CiteGraph.Analytics.Bench;

/// <summary>Times CiteGraph kernels on one edge list and prints one JSON line per measurement.</summary>
internal static class KernelRunner
{
    public static void Run(string path, string outDir, string[] algorithms, int repeats)
    {
        Directory.CreateDirectory(outDir);
        Warmup(algorithms);

        var clock = Stopwatch.StartNew();
        var (n, sources, targets) = EdgeListFile.Read(path);
        double parse = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var graph = CsrGraph.FromEdges(n, sources, targets);
        double build = clock.Elapsed.TotalSeconds;
        sources = targets = [];
        Emit("load", parse + build, new() { ["parse_s"] = parse, ["csr_s"] = build, ["nodes"] = graph.NodeCount, ["edges"] = graph.EdgeCount });

        CsrGraph? undirected = null;
        foreach (string algorithm in algorithms)
        {
            if (algorithm is "louvain" or "leiden" or "kcore" or "betweenness-undirected" && undirected is null)
            {
                clock.Restart();
                undirected = graph.ToUndirected();
                Emit("undirected_view", clock.Elapsed.TotalSeconds, new() { ["arcs"] = undirected.EdgeCount });
            }

            var (seconds, extra) = Measure(algorithm, graph, undirected, outDir, repeats);
            Emit(algorithm, seconds, extra);
        }
    }

    private static (double Seconds, Dictionary<string, object> Extra) Measure(
        string algorithm, CsrGraph graph, CsrGraph? undirected, string outDir, int repeats)
    {
        double best = double.MaxValue;
        Dictionary<string, object> extra = [];
        for (int r = 0; r < repeats; r++)
        {
            GC.Collect();
            var clock = Stopwatch.StartNew();
            object result = Execute(algorithm, graph, undirected);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
            extra = Describe(algorithm, result, outDir);
        }

        return (best, extra);
    }

    private static object Execute(string algorithm, CsrGraph graph, CsrGraph? undirected) => algorithm switch
    {
        "pagerank" => PageRank.Compute(graph, PageRankOptions.Normalized),
        "pagerank-gds" => PageRank.Compute(graph),
        "wcc" => WeaklyConnectedComponents.Compute(graph),
        "scc" => StronglyConnectedComponents.Compute(graph),
        "kcore" => KCore.Compute(undirected!),
        "louvain" => Louvain.Compute(undirected!),
        "leiden" => Leiden.Compute(undirected!),
        "betweenness" => Betweenness.Compute(graph),
        "betweenness-undirected" => Betweenness.Compute(undirected!),
        _ => throw new ArgumentException($"unknown algorithm {algorithm}"),
    };

    private static Dictionary<string, object> Describe(string algorithm, object result, string outDir)
    {
        switch (result)
        {
            case PageRankResult pr:
                WriteDoubles(Path.Combine(outDir, $"citegraph-{algorithm}.bin"), pr.Scores);
                return new() { ["iterations"] = pr.Iterations, ["sum"] = pr.Scores.Sum() };
            case ComponentsResult c:
                return new() { ["count"] = c.Count, ["largest"] = c.Count == 0 ? 0 : c.Sizes().Max() };
            case int[] core:
                return new() { ["max_core"] = core.Length == 0 ? 0 : core.Max(), ["sum_core"] = core.Sum(x => (long)x) };
            case CommunityResult cr:
                return new() { ["communities"] = cr.CommunityCount, ["modularity"] = cr.Modularity, ["levels"] = cr.Levels.Count };
            case double[] scores:
                WriteDoubles(Path.Combine(outDir, $"citegraph-{algorithm}.bin"), scores);
                return new() { ["max"] = scores.Length == 0 ? 0 : scores.Max() };
            default:
                return [];
        }
    }

    private static void WriteDoubles(string path, double[] values) =>
        File.WriteAllBytes(path, MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    private static void Emit(string algorithm, double seconds, Dictionary<string, object> extra)
    {
        extra["impl"] = "citegraph";
        extra["algo"] = algorithm;
        extra["seconds"] = seconds;
        Console.WriteLine(JsonSerializer.Serialize(extra));
    }

    // Runs the loader and every kernel on a small graph so that JIT compilation is not timed.
    private static void Warmup(string[] algorithms)
    {
        var (s, t) = Generator.PreferentialAttachment(3000, 5, seed: 1);
        string file = Path.GetTempFileName();
        File.WriteAllLines(file, s.Zip(t, (a, b) => $"{a} {b}"));
        EdgeListFile.Read(file);
        File.Delete(file);
        var g = CsrGraph.FromEdges(3000, s, t);
        var u = g.ToUndirected();
        foreach (string algorithm in algorithms)
        {
            Execute(algorithm, g, u);
        }
    }
}
