using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Storage;

/// <summary>
/// What an analytics run writes back: per-paper scores aligned with <see cref="NodeIds"/> (an array left null was not
/// computed and keeps its stored values), the communities, and the run's description.
/// </summary>
public sealed record AnalyticsResults
{
    public required string[] NodeIds { get; init; }
    public double[]? PageRank { get; init; }
    public double[]? Betweenness { get; init; }
    public int[]? Community { get; init; }
    public int[]? CoreNumber { get; init; }
    public int[]? Component { get; init; }
    public IReadOnlyList<Community>? Communities { get; init; }

    /// <summary>
    /// Per hierarchy level (0 = coarsest, equal to <see cref="Community"/>), each node's community; null when communities
    /// were not computed.
    /// </summary>
    public IReadOnlyList<int[]>? CommunityLevels { get; init; }
    public double? Modularity { get; init; }

    /// <summary>
    /// What happened to the communities since the previous run (<see cref="Analytics.CommunityMatching"/>), recorded under
    /// this run; null or empty when there was no previous partition to compare with.
    /// </summary>
    public IReadOnlyList<CommunityEvent>? CommunityEvents { get; init; }
    public required string Graph { get; init; }
    public required IReadOnlyList<string> Algorithms { get; init; }
    public required DateTimeOffset RanAt { get; init; }

    /// <summary>
    /// The measures this run computed, each checked to hold one value per node: what a store writes (resetting those
    /// measures on papers the run did not cover) and leaves alone (the measures left null).
    /// </summary>
    /// <exception cref="ArgumentException">A measure's length differs from <see cref="NodeIds"/>'s; the message names it.</exception>
    public IReadOnlyList<AnalyticsColumn> Columns()
    {
        var columns = new List<AnalyticsColumn>(5);
        Add(AnalyticsMeasure.PageRank, PageRank);
        Add(AnalyticsMeasure.Betweenness, Betweenness);
        Add(AnalyticsMeasure.Community, Community);
        Add(AnalyticsMeasure.CoreNumber, CoreNumber);
        Add(AnalyticsMeasure.Component, Component);
        return columns;

        void Add<T>(AnalyticsMeasure measure, T[]? values)
            where T : struct
        {
            if (values is null)
            {
                return;
            }

            if (values.Length != NodeIds.Length)
            {
                throw new ArgumentException($"{measure} has {values.Length} values for {NodeIds.Length} nodes.", "results");
            }

            columns.Add(new AnalyticsColumn(measure, i => values[i]));
        }
    }
}
