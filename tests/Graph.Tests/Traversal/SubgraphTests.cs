using CiteGraph.Graph.Traversal;

namespace CiteGraph.Graph.Tests.Traversal;

public sealed class SubgraphTests
{
    private static readonly Snapshot.GraphSnapshot Graph = TinyGraph.Build(
        "A B C D E F", ["A>B", "B>C", "C>D", "D>E", "B~A"], repos: [("https://github.com/o/r", ["A", "F"])]);

    [Fact]
    public void Radius_bounds_the_hops_from_the_seeds_and_edges_appear_once()
    {
        var result = Subgraph.Compute(Graph, [Graph.I("A")], 1, 100, EdgeFilter.All, 1000);
        Assert.Equal(["A", "B", "F"], result.Nodes.Select(Graph.N).Order());
        Assert.Equal(3, result.Edges.Count); // A>B, B~A, A–F shared repo
        Assert.Single(result.Edges, e => e.Kind == EdgeKinds.SharedRepo);
        Assert.Equal(Graph.I("A"), Assert.Single(result.Seeds));
    }

    [Fact]
    public void Max_nodes_truncates_and_says_so()
    {
        var result = Subgraph.Compute(Graph, [Graph.I("C")], 3, 3, EdgeFilter.All, 1000);
        Assert.Equal(3, result.Nodes.Count);
        Assert.True(result.Truncated);
        Assert.Equal(Graph.I("C"), result.Nodes[0]);
    }

    [Fact]
    public void Kinds_limit_what_is_followed_and_drawn()
    {
        var result = Subgraph.Compute(Graph, [Graph.I("A")], 2, 100, new EdgeFilter(EdgeKinds.Cites), 1000);
        Assert.Equal(["A", "B", "C"], result.Nodes.Select(Graph.N).Order());
        Assert.All(result.Edges, e => Assert.Equal(EdgeKinds.Cites, e.Kind));
    }
}
