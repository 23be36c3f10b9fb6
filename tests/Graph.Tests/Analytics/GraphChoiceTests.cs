using CiteGraph.Graph.Analytics;

namespace CiteGraph.Graph.Tests.Analytics;

public sealed class GraphChoiceTests
{
    [Fact]
    public void Citations_reaching_nine_papers_in_ten_are_used_alone()
    {
        var choice = GraphChoice.Choose(AnalyticsGraph.Auto, papers: 1000, linkedByCitations: 900, coTopicEdges: 5000, vectors: 1000);

        Assert.Equal(AnalyticsGraph.Citations, choice.Graph);
        Assert.Equal(["citations"], choice.Layers);
        Assert.Contains("900 of 1,000", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Sparse_citations_are_joined_with_every_layer_the_store_has()
    {
        var both = GraphChoice.Choose(AnalyticsGraph.Auto, 1000, 120, coTopicEdges: 5000, vectors: 1000);
        var topicsOnly = GraphChoice.Choose(AnalyticsGraph.Auto, 1000, 120, coTopicEdges: 5000, vectors: 0);

        Assert.Equal(AnalyticsGraph.Hybrid, both.Graph);
        Assert.Equal(["citations", "cotopic", "semantic"], both.Layers);
        Assert.Equal("hybrid: citations + cotopic + semantic", both.Name);
        Assert.Contains("under 90", both.Reason, StringComparison.Ordinal);
        Assert.Equal(["citations", "cotopic"], topicsOnly.Layers);
    }

    [Fact]
    public void Embeddings_too_many_for_the_exact_scan_are_left_out_of_the_automatic_choice_and_said_so()
    {
        var choice = GraphChoice.Choose(AnalyticsGraph.Auto, 200_000, 100, coTopicEdges: 1_000_000, vectors: 200_000);

        Assert.Equal(["citations", "cotopic"], choice.Layers);
        Assert.Contains("not the 200,000 embeddings", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Sparse_citations_with_nothing_to_add_stay_citations_and_say_what_would_help()
    {
        var choice = GraphChoice.Choose(AnalyticsGraph.Auto, 1000, 120, coTopicEdges: 0, vectors: 0);

        Assert.Equal(AnalyticsGraph.Citations, choice.Graph);
        Assert.Contains("run derive", choice.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AnalyticsGraph.Citations, "citations")]
    [InlineData(AnalyticsGraph.CoTopic, "cotopic")]
    [InlineData(AnalyticsGraph.Semantic, "semantic")]
    public void An_explicit_graph_is_used_as_asked_whatever_the_coverage(AnalyticsGraph requested, string name)
    {
        var choice = GraphChoice.Choose(requested, 1000, 10, 5000, 1000);

        Assert.Equal(requested, choice.Graph);
        Assert.Equal(name, choice.Name);
        Assert.StartsWith("--graph", choice.Reason, StringComparison.Ordinal);
    }
}
