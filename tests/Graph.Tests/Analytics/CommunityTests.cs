using CiteGraph.Graph.Analytics;

namespace CiteGraph.Graph.Tests.Analytics;

public sealed class CommunityTests
{
    public static TheoryData<string> Algorithms => ["louvain", "leiden"];

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Gds_example_splits_into_two_triangles_with_gds_modularity(string algorithm)
    {
        var result = Run(algorithm, TestGraphs.GdsLouvainExample());

        Assert.Equal(2, result.CommunityCount);
        Assert.Equal([0, 0, 0, 1, 1, 1], TestGraphs.Canonical(result.Communities));
        Assert.Equal(0.3571428571428571, result.Modularity, 1e-12);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Planted_partition_is_recovered(string algorithm)
    {
        var g = TestGraphs.Planted(groups: 8, groupSize: 25, seed: 3);

        var result = Run(algorithm, g);

        Assert.Equal(8, result.CommunityCount);
        AssertValid(algorithm, g, result);
    }

    [Theory]
    [InlineData("louvain", "cora/cora.cites")]
    [InlineData("leiden", "cora/cora.cites")]
    [InlineData("louvain", "cit-hepph-subset/cit-HepPh.txt")]
    [InlineData("leiden", "cit-hepph-subset/cit-HepPh.txt")]
    public void Partitions_of_real_citation_graphs_are_valid_and_beat_singletons(string algorithm, string dataset)
    {
        var g = TestGraphs.LoadShared(dataset);

        AssertValid(algorithm, g, Run(algorithm, g));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Weighted_graphs_and_resolution_are_respected(string algorithm)
    {
        var g = TestGraphs.Random(400, 1600, seed: 11, weighted: true);

        var coarse = Run(algorithm, g, resolution: 0.5);
        var fine = Run(algorithm, g, resolution: 2.0);

        AssertValid(algorithm, g, coarse, 0.5);
        AssertValid(algorithm, g, fine, 2.0);
        Assert.True(fine.CommunityCount > coarse.CommunityCount);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Same_seed_gives_the_same_partition(string algorithm)
    {
        var g = TestGraphs.Random(1000, 4000, seed: 12);

        Assert.Equal(Run(algorithm, g).Communities, Run(algorithm, g).Communities);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Hierarchy_levels_cover_all_nodes_and_end_with_the_final_partition(string algorithm)
    {
        var g = TestGraphs.Random(2000, 6000, seed: 13);

        var result = Run(algorithm, g);

        Assert.NotEmpty(result.Levels);
        Assert.Equal(result.Levels.Count, result.LevelModularities.Count);
        Assert.All(result.Levels, level => Assert.Equal(g.NodeCount, level.Length));
        Assert.Equal(result.Communities, result.Levels[^1]);
        Assert.Equal(result.Modularity, result.LevelModularities[^1], 1e-12);
    }

    private static CommunityResult Run(string algorithm, CsrGraph g, double resolution = 1.0) => algorithm switch
    {
        "louvain" => Louvain.Compute(g, new LouvainOptions { Resolution = resolution }),
        _ => Leiden.Compute(g, new LeidenOptions { Resolution = resolution }),
    };

    private static void AssertValid(string algorithm, CsrGraph g, CommunityResult result, double resolution = 1.0)
    {
        Assert.Equal(g.NodeCount, result.Communities.Length);
        Assert.All(result.Communities, c => Assert.InRange(c, 0, result.CommunityCount - 1));
        Assert.Equal(result.CommunityCount, result.Communities.Distinct().Count());

        double q = Reference.Modularity(g, result.Communities, resolution);
        Assert.Equal(q, result.Modularity, 1e-9);
        Assert.Equal(q, Modularity.Compute(g, result.Communities, resolution), 1e-9);
        double singletons = Reference.Modularity(g, Enumerable.Range(0, g.NodeCount).ToArray(), resolution);
        Assert.True(q > singletons, $"modularity {q} does not beat singletons {singletons}");

        if (algorithm == "leiden")
        {
            AssertConnected(g.ToUndirected(), result.Communities);
        }
    }

    private static void AssertConnected(CsrGraph g, int[] communities)
    {
        var reached = new bool[g.NodeCount];
        var seenCommunity = new HashSet<int>();
        for (int s = 0; s < g.NodeCount; s++)
        {
            if (reached[s])
            {
                continue;
            }

            Assert.True(seenCommunity.Add(communities[s]), $"community {communities[s]} is not connected");
            var queue = new Queue<int>([s]);
            reached[s] = true;
            while (queue.Count > 0)
            {
                int v = queue.Dequeue();
                foreach (int u in g.OutNeighbors(v))
                {
                    if (!reached[u] && communities[u] == communities[v])
                    {
                        reached[u] = true;
                        queue.Enqueue(u);
                    }
                }
            }
        }
    }
}
