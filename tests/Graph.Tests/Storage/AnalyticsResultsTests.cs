using CiteGraph.Graph.Storage;

namespace CiteGraph.Graph.Tests.Storage;

/// <summary>The check every store applies to analytics results before writing them, made once beside the ports.</summary>
public sealed class AnalyticsResultsTests
{
    private static AnalyticsResults Results(double[]? pageRank = null, int[]? community = null, int[]? core = null) => new()
    {
        NodeIds = ["P1", "P2", "P3"],
        PageRank = pageRank,
        Community = community,
        CoreNumber = core,
        Graph = "citations",
        Algorithms = ["pagerank"],
        RanAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void Columns_are_the_computed_measures_in_a_fixed_order_with_each_papers_value()
    {
        var columns = Results(pageRank: [0.5, 0.3, 0.2], core: [1, 2, 3]).Columns();
        Assert.Equal([AnalyticsMeasure.PageRank, AnalyticsMeasure.CoreNumber], columns.Select(c => c.Measure));
        Assert.Equal([0.5, 0.3, 0.2], Enumerable.Range(0, 3).Select(i => (double)columns[0].Value(i)));
        Assert.Equal([1, 2, 3], Enumerable.Range(0, 3).Select(i => (int)columns[1].Value(i)));
        Assert.Empty(Results().Columns());
    }

    [Fact]
    public void A_measure_of_the_wrong_length_is_refused_by_name()
    {
        var ex = Assert.Throws<ArgumentException>(() => Results(pageRank: [0.5, 0.5, 0.5], community: [1, 2]).Columns());
        Assert.StartsWith("Community has 2 values for 3 nodes", ex.Message, StringComparison.Ordinal);
    }
}
