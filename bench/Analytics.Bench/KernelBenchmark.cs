using BenchmarkDotNet.Attributes;
using CiteGraph.Graph.Analytics;

namespace CiteGraph.Analytics.Bench;

/// <summary>BenchmarkDotNet view of the main kernels on a generated preferential-attachment graph.</summary>
[MemoryDiagnoser]
public class KernelBenchmark
{
    private CsrGraph _graph = null!;
    private CsrGraph _undirected = null!;

    [Params(10_000, 100_000)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (s, t) = Generator.PreferentialAttachment(Nodes, 10, seed: 42);
        _graph = CsrGraph.FromEdges(Nodes, s, t);
        _undirected = _graph.ToUndirected();
    }

    [Benchmark]
    public PageRankResult PageRankGds() => PageRank.Compute(_graph);

    [Benchmark]
    public PageRankResult PageRankNormalized() => PageRank.Compute(_graph, PageRankOptions.Normalized);

    [Benchmark]
    public ComponentsResult Wcc() => WeaklyConnectedComponents.Compute(_graph);

    [Benchmark]
    public int[] Coreness() => KCore.Compute(_undirected);

    [Benchmark]
    public CommunityResult Louvain() => Graph.Analytics.Louvain.Compute(_undirected);

    [Benchmark]
    public CommunityResult Leiden() => Graph.Analytics.Leiden.Compute(_undirected);
}
