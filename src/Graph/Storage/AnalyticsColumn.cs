namespace CiteGraph.Graph.Storage;

/// <summary>A per-paper measure an analytics run may compute and a store keeps on each paper.</summary>
public enum AnalyticsMeasure
{
    PageRank,
    Betweenness,
    Community,
    CoreNumber,
    Component,
}

/// <summary>One computed measure of <see cref="AnalyticsResults"/>: the value of the paper at each position of <see cref="AnalyticsResults.NodeIds"/>.</summary>
/// <param name="Measure">Which measure.</param>
/// <param name="Value">The value for position <c>i</c> (a double or an int, boxed).</param>
public sealed record AnalyticsColumn(AnalyticsMeasure Measure, Func<int, object> Value);
