using CiteGraph.Graph.Analytics;

namespace CiteGraph.Graph.Tests.Analytics;

public sealed class CommunityGraphTests
{
    [Fact]
    public void Aggregation_sums_each_pair_of_communities_once_and_keeps_internal_weight_as_self()
    {
        var g = CommunityGraph.From(TestGraphs.Random(300, 1500, seed: 21, weighted: true));
        var community = Enumerable.Range(0, g.NodeCount).Select(v => v * 7 % 13).ToArray();

        var aggregated = g.Aggregate(community, 13);

        // The quotient graph by brute force: every arc of g added to its communities' pair.
        var expected = new double[13, 13];
        for (int v = 0; v < g.NodeCount; v++)
        {
            for (int e = g.Offsets[v]; e < g.Offsets[v + 1]; e++)
            {
                expected[community[v], community[g.Adjacency[e]]] += g.Weights[e];
            }
        }

        Assert.Equal(aggregated.Offsets[^1], aggregated.Adjacency.Length);
        Assert.Equal(aggregated.Adjacency.Length, aggregated.Weights.Length);
        for (int c = 0; c < 13; c++)
        {
            Assert.Equal(expected[c, c], aggregated.Self[c], 1e-9);
            var row = aggregated.Adjacency.AsSpan(aggregated.Offsets[c], aggregated.Offsets[c + 1] - aggregated.Offsets[c]).ToArray();
            Assert.Equal(row.Length, row.Distinct().Count());
            Assert.DoesNotContain(c, row);
            foreach (var d in Enumerable.Range(0, 13).Where(d => d != c))
            {
                var at = Array.IndexOf(row, d);
                Assert.Equal(expected[c, d], at < 0 ? 0 : aggregated.Weights[aggregated.Offsets[c] + at], 1e-9);
            }
        }

        Assert.Equal(g.TotalWeight, aggregated.TotalWeight, 1e-9);
    }

    [Fact]
    public void Aggregation_allocates_the_aggregated_graph_not_a_copy_of_the_input()
    {
        // 20,000 nodes and 400,000 arcs collapsed into 50 communities: at most 2,450 aggregated arcs. Arrays as long as
        // the input's (12 bytes an arc: 9.6 MB here, 2.8 GB at ten million papers) are what made analyze's peak.
        var g = CommunityGraph.From(TestGraphs.Random(20_000, 400_000, seed: 22));
        var community = Enumerable.Range(0, g.NodeCount).Select(v => v % 50).ToArray();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var aggregated = g.Aggregate(community, 50);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(50, aggregated.NodeCount);
        // Per node: the members and their bucket positions (8 bytes a node, 160 KB); per aggregated arc 12 bytes.
        Assert.True(allocated < 1_000_000, $"aggregation allocated {allocated:N0} bytes");
    }

    [Theory]
    [InlineData("louvain")]
    [InlineData("leiden")]
    public void An_unweighted_graph_partitions_exactly_as_the_same_graph_with_every_weight_one(string algorithm)
    {
        // No reciprocal pairs, so the unweighted graph's undirected view stays unweighted (no weights array at all).
        var random = new Random(23);
        var arcs = new HashSet<(int From, int To)>();
        while (arcs.Count < 6_000)
        {
            int a = random.Next(2_000), b = random.Next(2_000);
            if (a != b && !arcs.Contains((b, a)))
            {
                arcs.Add((a, b));
            }
        }

        var unweighted = TestGraphs.FromPairs(2_000, [.. arcs]);
        var ones = TestGraphs.FromPairs(2_000, [.. arcs], Enumerable.Repeat(1f, arcs.Count).ToArray());
        Assert.True(CommunityGraph.From(unweighted).UnitWeights);
        Assert.False(CommunityGraph.From(ones).UnitWeights);

        CommunityResult Run(CsrGraph g) => algorithm == "louvain" ? Louvain.Compute(g) : Leiden.Compute(g);
        var (a1, b1) = (Run(unweighted), Run(ones));

        Assert.Equal(b1.Communities, a1.Communities);
        Assert.Equal(b1.Modularity, a1.Modularity);
    }
}
