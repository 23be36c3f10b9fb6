using CiteGraph.Graph.Analytics;

namespace CiteGraph.Graph.Tests.Analytics;

public sealed class KCoreTests
{
    [Fact]
    public void Coreness_of_a_triangle_with_a_tail_is_two_for_the_triangle()
    {
        var g = TestGraphs.FromPairs(5, [(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 4)]);

        Assert.Equal([2, 2, 2, 1, 1], KCore.Compute(g));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Coreness_agrees_with_naive_peeling_on_random_multigraphs(int seed)
    {
        var g = TestGraphs.Random(300, 1500, seed, simple: false);

        Assert.Equal(Reference.Coreness(g), KCore.Compute(g));
    }

    [Fact]
    public void Coreness_agrees_with_naive_peeling_on_cora()
    {
        var g = TestGraphs.LoadShared("cora/cora.cites");

        Assert.Equal(Reference.Coreness(g), KCore.Compute(g));
    }
}
