using CiteGraph.Graph.Analytics;
using QuikGraph;
using QuikGraph.Algorithms;

namespace CiteGraph.Graph.Tests.Analytics;

public sealed class ComponentsTests
{
    [Theory]
    [InlineData(1, 500, 400)]
    [InlineData(2, 500, 900)]
    [InlineData(3, 2000, 2500)]
    public void Weak_components_match_quikgraph_on_random_graphs(int seed, int n, int m)
    {
        var g = TestGraphs.Random(n, m, seed, simple: false);

        Assert.Equal(QuikGraphWeak(g), TestGraphs.Canonical(WeaklyConnectedComponents.Compute(g).Membership));
    }

    [Theory]
    [InlineData(1, 500, 700)]
    [InlineData(2, 500, 1200)]
    [InlineData(3, 2000, 3000)]
    public void Strong_components_match_quikgraph_on_random_graphs(int seed, int n, int m)
    {
        var g = TestGraphs.Random(n, m, seed, simple: false);

        Assert.Equal(QuikGraphStrong(g), TestGraphs.Canonical(StronglyConnectedComponents.Compute(g).Membership));
    }

    [Theory]
    [InlineData("cora/cora.cites")]
    [InlineData("cit-hepph-subset/cit-HepPh.txt")]
    public void Components_match_quikgraph_on_real_citation_graphs(string dataset)
    {
        var g = TestGraphs.LoadShared(dataset);

        var weak = WeaklyConnectedComponents.Compute(g);
        var strong = StronglyConnectedComponents.Compute(g);

        Assert.Equal(QuikGraphWeak(g), TestGraphs.Canonical(weak.Membership));
        // QuikGraph's Tarjan recurses; give it a large stack for the deep citation chains.
        int[] expectedStrong = [];
        var thread = new Thread(() => expectedStrong = QuikGraphStrong(g), 256 * 1024 * 1024);
        thread.Start();
        thread.Join();
        Assert.Equal(expectedStrong, TestGraphs.Canonical(strong.Membership));
        Assert.Equal(weak.Count, weak.Sizes().Length);
    }

    [Fact]
    public void Strong_components_survive_a_one_million_node_cycle_without_recursion()
    {
        const int n = 1_000_000;
        var sources = Enumerable.Range(0, n).ToArray();
        var targets = sources.Select(v => (v + 1) % n).ToArray();
        var g = CsrGraph.FromEdges(n, sources, targets);

        Assert.Equal(1, StronglyConnectedComponents.Compute(g).Count);
        Assert.Equal(1, WeaklyConnectedComponents.Compute(g).Count);
    }

    [Fact]
    public void Strong_component_ids_are_in_reverse_topological_order()
    {
        // 0 <-> 1 -> 2 <-> 3
        var g = TestGraphs.FromPairs(4, [(0, 1), (1, 0), (1, 2), (2, 3), (3, 2)]);

        var scc = StronglyConnectedComponents.Compute(g);

        Assert.Equal(2, scc.Count);
        Assert.True(scc.Membership[2] < scc.Membership[0]);
    }

    private static int[] QuikGraphWeak(CsrGraph g)
    {
        var graph = ToQuikGraph(g);
        var components = new Dictionary<int, int>();
        graph.WeaklyConnectedComponents(components);
        return TestGraphs.Canonical(Enumerable.Range(0, g.NodeCount).Select(v => components[v]).ToArray());
    }

    private static int[] QuikGraphStrong(CsrGraph g)
    {
        var graph = ToQuikGraph(g);
        var components = new Dictionary<int, int>();
        graph.StronglyConnectedComponents(components);
        return TestGraphs.Canonical(Enumerable.Range(0, g.NodeCount).Select(v => components[v]).ToArray());
    }

    private static AdjacencyGraph<int, Edge<int>> ToQuikGraph(CsrGraph g)
    {
        var graph = new AdjacencyGraph<int, Edge<int>>(allowParallelEdges: true);
        graph.AddVertexRange(Enumerable.Range(0, g.NodeCount));
        graph.AddEdgeRange(TestGraphs.Arcs(g).Select(a => new Edge<int>(a.From, a.To)));
        return graph;
    }
}
