namespace CiteGraph.Graph.Analytics;

/// <summary>
/// An optional role of a graph store: running analytics inside the database (Neo4j with the Graph Data Science library)
/// instead of reading the graph into this process, with the parameters of the in-process kernels. The results land where
/// <see cref="AnalyticsRunner"/> writes them (the same properties, communities and run record).
/// </summary>
public interface IInDatabaseAnalytics
{
    /// <summary>The algorithms the database runs.</summary>
    IReadOnlySet<AnalyticsAlgorithm> InDatabaseAlgorithms { get; }

    /// <summary>What runs analytics in the database (e.g. <c>Neo4j Graph Data Science 2.13.2</c>), or null when nothing is installed.</summary>
    Task<string?> DetectInDatabaseAnalyticsAsync(CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="request"/> inside the database and writes the results there.</summary>
    Task<AnalyticsReport> RunInDatabaseAsync(AnalyticsRequest request, IProgress<string>? progress = null, CancellationToken cancellationToken = default);
}
