using CiteGraph.Graph.Analytics;

namespace CiteGraph.Graph.Neo4j;

public sealed partial class Neo4jGraphStore : IInDatabaseAnalytics
{
    /// <inheritdoc />
    public IReadOnlySet<AnalyticsAlgorithm> InDatabaseAlgorithms => Neo4jGdsAnalytics.Algorithms;

    /// <inheritdoc />
    public Task<string?> DetectInDatabaseAnalyticsAsync(CancellationToken cancellationToken = default) =>
        new Neo4jGdsAnalytics(_client).DetectAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<AnalyticsReport> RunInDatabaseAsync(AnalyticsRequest request, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        // One writer at a time, as for the in-process runner's write-back.
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await new Neo4jGdsAnalytics(_client).RunAsync(request, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
