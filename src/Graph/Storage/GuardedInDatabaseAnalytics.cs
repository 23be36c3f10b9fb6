using CiteGraph.Graph.Analytics;

namespace CiteGraph.Graph.Storage;

/// <summary>A store's in-database analytics whose failures leave as the port's exceptions, like the store's own.</summary>
internal sealed class GuardedInDatabaseAnalytics(IInDatabaseAnalytics inner, StoreFailureGuard guard) : IInDatabaseAnalytics
{
    public IReadOnlySet<AnalyticsAlgorithm> InDatabaseAlgorithms => inner.InDatabaseAlgorithms;

    public Task<string?> DetectInDatabaseAnalyticsAsync(CancellationToken cancellationToken = default) =>
        guard.RunAsync(() => inner.DetectInDatabaseAnalyticsAsync(cancellationToken));

    public Task<AnalyticsReport> RunInDatabaseAsync(AnalyticsRequest request, IProgress<string>? progress = null, CancellationToken cancellationToken = default) =>
        guard.RunAsync(() => inner.RunInDatabaseAsync(request, progress, cancellationToken));
}
