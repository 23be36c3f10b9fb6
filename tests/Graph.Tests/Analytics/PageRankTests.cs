using CiteGraph.Graph.Analytics;

namespace CiteGraph.Graph.Tests.Analytics;

public sealed class PageRankTests
{
    private const int Home = 0, About = 1, Product = 2, Links = 3, SiteA = 4, SiteB = 5;

    [Fact]
    public void PageRank_matches_gds_test_vector()
    {
        var scores = PageRank.Compute(TestGraphs.GdsPageRankExample()).Scores;

        Assert.Equal(3.215681999884452, scores[Home], 1e-12);
        Assert.Equal(1.0542700552146722, scores[About], 1e-12);
        Assert.Equal(1.0542700552146722, scores[Links], 1e-12);
        Assert.Equal(1.0542700552146722, scores[Product], 1e-12);
        Assert.Equal(0.3278578964488539, scores[SiteA], 1e-12);
    }

    [Fact]
    public void PageRank_with_tolerance_0_1_matches_gds_test_vector()
    {
        var result = PageRank.Compute(TestGraphs.GdsPageRankExample(), new PageRankOptions { Tolerance = 0.1 });

        Assert.Equal(1.5812450669583336, result.Scores[Home], 1e-12);
        Assert.Equal(0.5980194356381945, result.Scores[About], 1e-12);
        Assert.Equal(0.23374955154166668, result.Scores[SiteA], 1e-12);
        Assert.True(result.Converged);
    }

    [Fact]
    public void PageRank_with_damping_0_05_matches_gds_test_vector()
    {
        var scores = PageRank.Compute(TestGraphs.GdsPageRankExample(), new PageRankOptions { Damping = 0.05 }).Scores;

        Assert.Equal(1.2487309425844906, scores[Home], 1e-12);
        Assert.Equal(0.9708121818724536, scores[About], 1e-12);
        Assert.Equal(0.9597081216238426, scores[SiteA], 1e-12);
    }

    [Fact]
    public void Personalized_PageRank_matches_gds_test_vector()
    {
        var scores = PageRank.Compute(TestGraphs.GdsPageRankExample(), new PageRankOptions { SourceNodes = [SiteA] }).Scores;

        Assert.Equal(0.39902290442518784, scores[Home], 1e-12);
        Assert.Equal(0.16890325301726694, scores[SiteA], 1e-12);
        Assert.Equal(0.11220151747374331, scores[About], 1e-12);
        Assert.Equal(0.01890325301726691, scores[SiteB], 1e-12);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void Gds_PageRank_agrees_with_reference_loop_on_random_graphs(int seed, bool weighted)
    {
        var g = TestGraphs.Random(300, 1500, seed, weighted: weighted);

        AssertClose(Reference.GdsPageRank(g), PageRank.Compute(g).Scores, 1e-9);
    }

    [Fact]
    public void Gds_PageRank_agrees_with_reference_loop_on_cit_hepph()
    {
        var g = TestGraphs.LoadShared("cit-hepph-subset/cit-HepPh.txt");

        AssertClose(Reference.GdsPageRank(g), PageRank.Compute(g).Scores, 1e-6);
    }

    [Fact]
    public void Normalized_PageRank_agrees_with_power_iteration_on_cora_and_sums_to_one()
    {
        var g = TestGraphs.LoadShared("cora/cora.cites");

        var result = PageRank.Compute(g, PageRankOptions.Normalized);

        AssertClose(Reference.NormalizedPageRank(g), result.Scores, 1e-6);
        Assert.Equal(1.0, result.Scores.Sum(), 1e-9);
        Assert.True(result.Converged);
    }

    [Theory]
    [InlineData(1, false, false)]
    [InlineData(2, false, true)]
    [InlineData(3, true, false)]
    public void Normalized_PageRank_agrees_with_power_iteration_on_cyclic_weighted_and_looped_graphs(int seed, bool simple, bool weighted)
    {
        var g = TestGraphs.Random(300, 900, seed, simple, weighted);

        var result = PageRank.Compute(g, PageRankOptions.Normalized);

        AssertClose(Reference.NormalizedPageRank(g), result.Scores, 1e-6);
        Assert.Equal(1.0, result.Scores.Sum(), 1e-9);
    }

    [Fact]
    public void Normalized_PageRank_of_a_dag_is_solved_in_one_pass()
    {
        var g = TestGraphs.FromPairs(4, [(0, 1), (0, 2), (1, 3), (2, 3)]);

        var result = PageRank.Compute(g, PageRankOptions.Normalized);

        Assert.Equal(1, result.Iterations);
        AssertClose(Reference.NormalizedPageRank(g), result.Scores, 1e-12);
    }

    [Fact]
    public void Personalized_normalized_PageRank_agrees_with_power_iteration()
    {
        var g = TestGraphs.Random(200, 600, seed: 7);
        int[] seeds = [3, 17, 42];

        var scores = PageRank.Compute(g, PageRankOptions.Normalized with { SourceNodes = seeds }).Scores;

        AssertClose(Reference.NormalizedPageRank(g, sources: seeds), scores, 1e-6);
    }

    [Fact]
    public void PageRank_is_the_same_single_and_multi_threaded()
    {
        var g = TestGraphs.Random(2000, 20000, seed: 5);

        var one = PageRank.Compute(g, new PageRankOptions { MaxDegreeOfParallelism = 1 }).Scores;
        var many = PageRank.Compute(g, new PageRankOptions { MaxDegreeOfParallelism = 4 }).Scores;

        Assert.Equal(one, many);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Damping_outside_zero_to_one_is_rejected(double damping)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PageRankOptions { Damping = damping });
    }

    [Fact]
    public void Zero_max_iterations_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PageRankOptions { MaxIterations = 0 });
    }

    internal static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        double worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).DefaultIfEmpty().Max();
        Assert.True(worst <= tolerance, $"max abs diff {worst} > {tolerance}");
    }
}
