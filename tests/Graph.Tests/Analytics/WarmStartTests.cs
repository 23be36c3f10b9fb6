using CiteGraph.Graph.Analytics;

namespace CiteGraph.Graph.Tests.Analytics;

public sealed class WarmStartTests
{
    private static double Agreement(int[] a, int[] b)
    {
        // Papers whose community, matched by the most shared members, is the same in both.
        var match = CommunityMatching.Match(b, a, a.Max() + 1, 0);
        return (double)match.Kept / a.Length;
    }

    [Fact]
    public void Leiden_started_from_a_converged_partition_with_another_seed_stays_close_to_it()
    {
        // No structure at all (a random graph): cold runs with different seeds share no community; warm ones keep most.
        var g = TestGraphs.Random(n: 2_000, m: 8_000, seed: 11);
        var first = Leiden.Compute(g, new LeidenOptions { Seed = 1 });
        var cold = Leiden.Compute(g, new LeidenOptions { Seed = 2 });

        var warm = Leiden.Compute(g, new LeidenOptions { Seed = 2, InitialPartition = first.Communities });

        var coldAgreement = Agreement(first.Communities, cold.Communities);
        var warmAgreement = Agreement(first.Communities, warm.Communities);
        Assert.True(warmAgreement >= 0.90, $"warm {warmAgreement:P1}, cold {coldAgreement:P1}");
        Assert.True(warmAgreement > coldAgreement, $"warm {warmAgreement:P1}, cold {coldAgreement:P1}");
        Assert.True(warm.Modularity >= first.Modularity - 0.01, $"warm Q {warm.Modularity:F4}, first {first.Modularity:F4}");
    }

    [Fact]
    public void Nodes_the_previous_partition_did_not_place_start_alone_and_are_placed()
    {
        var g = TestGraphs.Planted(groups: 6, groupSize: 30, seed: 5);
        var first = Leiden.Compute(g, new LeidenOptions { Seed = 1 });
        var initial = first.Communities.Select((c, v) => v % 10 == 0 ? -1 : c).ToArray();

        var warm = Leiden.Compute(g, new LeidenOptions { Seed = 9, InitialPartition = initial });

        Assert.Equal(6, warm.CommunityCount);
        Assert.Equal(TestGraphs.Canonical(first.Communities), TestGraphs.Canonical(warm.Communities));
    }

    [Fact]
    public void A_start_of_the_wrong_length_is_refused()
    {
        var g = TestGraphs.Planted(groups: 2, groupSize: 10, seed: 5);
        Assert.Throws<ArgumentException>(() => Leiden.Compute(g, new LeidenOptions { InitialPartition = [0, 1] }));
    }
}
