using System.Globalization;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CiteGraph.Host.Hosting;

/// <summary>Ready when the store answers within a few seconds (its change version: O(1), unlike a count of every table).</summary>
internal sealed class StoreHealthCheck(IGraphStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            var version = await store.GetChangeVersionAsync(timeout.Token);
            if (version is null)
            {
                var stats = await store.GetStatsAsync(timeout.Token);
                return HealthCheckResult.Healthy($"{stats.Papers} papers");
            }

            return HealthCheckResult.Healthy("the store answers", new Dictionary<string, object> { ["version"] = version.Value });
        }
        catch (Exception ex) when (ex is GraphStoreException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("the store does not answer", ex);
        }
    }
}

/// <summary>
/// Ready once the traversal snapshot has been built; reports its age and the store version it reflects, and is
/// degraded when the store has moved on and the snapshot is still behind after <see cref="StaleAfter"/>.
/// </summary>
internal sealed class SnapshotHealthCheck(SnapshotHolder snapshots, ISnapshotStore store) : IHealthCheck
{
    /// <summary>Longer than any rebuild of a store this service is sized for; a refresher that stopped shows up here.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = snapshots.State;
        if (state.Snapshot.Version == 0)
        {
            return HealthCheckResult.Unhealthy("the graph snapshot is not built yet");
        }

        var age = DateTimeOffset.UtcNow - state.Snapshot.BuiltAt;
        long? storeVersion = null;
        try
        {
            storeVersion = await store.GetChangeVersionAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is GraphStoreException or OperationCanceledException)
        {
            // The store check reports that; this one is about the snapshot.
        }

        var data = new Dictionary<string, object>
        {
            ["snapshot"] = state.Snapshot.Version,
            ["builtAt"] = state.Snapshot.BuiltAt.ToString("O", CultureInfo.InvariantCulture),
            ["ageSeconds"] = Math.Round(age.TotalSeconds, 1),
            ["papers"] = state.Stats.Papers,
        };
        if (state.StoreVersion is { } reflects)
        {
            data["storeVersion"] = reflects;
        }

        if (storeVersion is { } current)
        {
            data["storeVersionNow"] = current;
        }

        var description = $"snapshot {state.Snapshot.Version} built {state.Snapshot.BuiltAt:O}";
        return storeVersion is not null && state.StoreVersion is not null && storeVersion != state.StoreVersion && age > StaleAfter
            ? HealthCheckResult.Degraded(description + ": the store has changed since and the snapshot is still behind", data: data)
            : HealthCheckResult.Healthy(description, data);
    }
}
