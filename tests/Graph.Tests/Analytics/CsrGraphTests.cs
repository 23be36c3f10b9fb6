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
    public void FromSortedEdges_is_the_graph_FromEdges_builds_and_keeps_the_sorted_targets_as_its_out_adjacency()
    {
        var random = new Random(7);
        var pairs = Enumerable.Range(0, 2_000).Select(_ => (S: random.Next(300), T: random.Next(300))).OrderBy(p => p.S).ThenBy(p => p.T).ToArray();
        int[] sources = [.. pairs.Select(p => p.S)], targets = [.. pairs.Select(p => p.T)];

        var expected = CsrGraph.FromEdges(300, sources, targets);
        var sorted = CsrGraph.FromSortedEdges(300, sources, targets);

        Assert.Same(targets, sorted.Targets);
        Assert.Equal(expected.OutOffsets, sorted.OutOffsets);
        Assert.Equal(expected.Targets, sorted.Targets);
        Assert.Equal(expected.InOffsets, sorted.InOffsets);
        Assert.Equal(expected.Sources, sorted.Sources);
        Assert.False(sorted.IsWeighted);
    }

    [Fact]
    public void FromSortedEdges_given_unsorted_sources_builds_what_FromEdges_builds()
    {
        int[] sources = [2, 0, 1, 0], targets = [0, 2, 2, 1];

        var g = CsrGraph.FromSortedEdges(3, sources, targets);

        Assert.NotSame(targets, g.Targets);
        Assert.Equal([2, 1], g.OutNeighbors(0).ToArray());
        Assert.Equal([0, 1], g.InNeighbors(2).ToArray());
        Assert.Throws<ArgumentException>(() => CsrGraph.FromSortedEdges(2, [0], [2]));
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
