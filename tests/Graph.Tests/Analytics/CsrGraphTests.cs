using CiteGraph.Graph.Analytics;

namespace CiteGraph.Graph.Tests.Analytics;

public sealed class CsrGraphTests
{
    [Fact]
    public void FromEdges_builds_out_and_in_adjacency()
    {
        var g = CsrGraph.FromEdges(3, [0, 0, 2], [1, 2, 1], [1f, 2f, 3f]);

        Assert.Equal(3, g.NodeCount);
        Assert.Equal(3, g.EdgeCount);
        Assert.Equal([1, 2], g.OutNeighbors(0).ToArray());
        Assert.Equal([1f, 2f], g.OutWeights(0).ToArray());
        Assert.Equal([0, 2], g.InNeighbors(1).ToArray());
        Assert.Equal(0, g.OutDegree(1));
        Assert.Equal(2, g.InDegree(1));
    }

    [Fact]
    public void FromEdges_rejects_out_of_range_ids_and_mismatched_lengths()
    {
        Assert.Throws<ArgumentException>(() => CsrGraph.FromEdges(2, [0], [2]));
        Assert.Throws<ArgumentException>(() => CsrGraph.FromEdges(2, [0, 1], [1]));
        Assert.Throws<ArgumentException>(() => CsrGraph.FromEdges(2, [0], [1], [1f, 2f]));
        Assert.Throws<ArgumentException>(() => CsrGraph.FromEdges(2, [0], [1], [float.NaN]));
    }

    [Fact]
    public void FromIdPairs_assigns_dense_ids_in_order_of_first_appearance()
    {
        var (g, ids) = CsrGraph.FromIdPairs([("a", "b"), ("c", "a")]);

        Assert.Equal(["a", "b", "c"], ids);
        Assert.Equal([0], g.OutNeighbors(2).ToArray());
        Assert.Equal(2, g.EdgeCount);
    }

    [Fact]
    public void Undirected_view_drops_self_loops_and_sums_parallel_and_reciprocal_arcs()
    {
        var g = CsrGraph.FromEdges(3, [0, 1, 0, 2, 1], [1, 0, 1, 2, 2]);

        var u = g.ToUndirected();

        Assert.True(u.IsUndirected);
        Assert.Same(u, g.ToUndirected());
        Assert.Same(u, u.ToUndirected());
        Assert.Equal(4, u.EdgeCount);
        Assert.Equal([1], u.OutNeighbors(0).ToArray());
        Assert.Equal([3f], u.OutWeights(0).ToArray());
        Assert.Equal([0, 2], u.OutNeighbors(1).ToArray());
        Assert.Equal([1], u.InNeighbors(2).ToArray());
    }

    [Fact]
    public void Undirected_view_of_a_simple_graph_stays_unweighted()
    {
        var u = CsrGraph.FromEdges(3, [0, 1], [1, 2]).ToUndirected();

        Assert.False(u.IsWeighted);
        Assert.Equal(4, u.EdgeCount);
    }
}
