using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CiteGraph.Host.Hosting;

/// <summary>Ready when the store answers a count within a few seconds.</summary>
internal sealed class StoreHealthCheck(IGraphStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            var stats = await store.GetStatsAsync(timeout.Token);
            return HealthCheckResult.Healthy($"{stats.Papers} papers");
        }
        catch (Exception ex) when (ex is GraphStoreException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("the store does not answer", ex);
        }
    }
}

/// <summary>Ready once the traversal snapshot has been built.</summary>
internal sealed class SnapshotHealthCheck(SnapshotHolder snapshots) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(snapshots.Current.Version > 0
            ? HealthCheckResult.Healthy($"snapshot {snapshots.Current.Version} built {snapshots.Current.BuiltAt:O}")
            : HealthCheckResult.Unhealthy("the graph snapshot is not built yet"));
}
