using CiteGraph.Graph.Analytics;

namespace CiteGraph.Graph.Tests.Analytics;

public sealed class BetweennessTests
{
    [Fact]
    public void Directed_betweenness_matches_gds_test_vector()
    {
        var scores = Betweenness.Compute(TestGraphs.GdsBetweennessExample());

        Assert.Equal([0, 0, 8, 3, 3, 5, 0], scores);
    }

    [Fact]
    public void Undirected_betweenness_counts_each_pair_once_as_gds()
    {
        var scores = Betweenness.Compute(TestGraphs.GdsBetweennessExample().ToUndirected());

        Assert.Equal([0, 0, 9.5, 3, 3, 5.5, 0], scores);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    public void Exact_betweenness_agrees_with_all_pairs_path_counting(int seed, bool undirected)
    {
        var g = TestGraphs.Random(120, undirected ? 200 : 400, seed);
        if (undirected)
        {
            g = g.ToUndirected();
        }

        AssertRelative(Reference.Betweenness(g), Betweenness.Compute(g));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Exact_betweenness_agrees_with_path_counting_on_a_cora_subgraph(bool undirected)
    {
        var g = TestGraphs.LoadShared("cora/cora.cites", maxEdges: 500);
        if (undirected)
        {
            g = g.ToUndirected();
        }

        AssertRelative(Reference.Betweenness(g), Betweenness.Compute(g));
    }

    [Fact]
    public void Sampling_all_sources_equals_exact_and_sampling_is_close_on_average()
    {
        var g = TestGraphs.Random(300, 1500, seed: 9).ToUndirected();
        var exact = Betweenness.Compute(g);

        AssertRelative(exact, Betweenness.Compute(g, new BetweennessOptions { SamplingSize = 300 }));
        var sampled = Betweenness.Compute(g, new BetweennessOptions { SamplingSize = 150, Seed = 1 });
        // Hoeffding bound from the XML docs with k = 150, δ = 0.01: ε = sqrt(ln(2n/δ) / 2k).
        double epsilon = Math.Sqrt(Math.Log(2 * 300 / 0.01) / (2 * 150));
        double bound = epsilon * 300 * 298;
        Assert.All(exact.Zip(sampled), p => Assert.True(Math.Abs(p.First - p.Second) <= bound));
        Assert.Equal(exact.Sum(), sampled.Sum(), exact.Sum() * 0.1);
    }

    [Fact]
    public void Sampled_betweenness_is_deterministic_for_a_seed_up_to_rounding()
    {
        var g = TestGraphs.Random(200, 800, seed: 4);

        var options = new BetweennessOptions { SamplingSize = 50, Seed = 3 };
        AssertRelative(Betweenness.Compute(g, options), Betweenness.Compute(g, options with { MaxDegreeOfParallelism = 1 }));
    }

    private static void AssertRelative(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int v = 0; v < expected.Length; v++)
        {
            double scale = Math.Max(1, Math.Abs(expected[v]));
            Assert.True(Math.Abs(expected[v] - actual[v]) <= 1e-9 * scale, $"node {v}: expected {expected[v]}, got {actual[v]}");
        }
    }
}
