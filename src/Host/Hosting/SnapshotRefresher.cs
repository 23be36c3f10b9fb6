using CiteGraph.Graph.Snapshot;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CiteGraph.Host.Hosting;

/// <summary>
/// Keeps the read model fresh when others write the store (a CLI <c>load</c>, <c>derive</c> or <c>analyze</c> into the
/// database being served): polls the store's change version (O(1)) every <see cref="CiteGraphOptions.SnapshotRefreshSeconds"/>
/// and, when it moved, rebuilds the snapshot in the background and swaps it in atomically (issue 17, item 5). Queries
/// keep reading the previous snapshot meanwhile.
/// </summary>
internal sealed partial class SnapshotRefresher(SnapshotHolder snapshots, IOptions<CiteGraphOptions> options, ILogger<SnapshotRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.SnapshotRefreshSeconds;
        if (seconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (await snapshots.RefreshIfChangedAsync(stoppingToken))
                    {
                        var state = snapshots.State;
                        LogRebuilt(state.Snapshot.Version, state.StoreVersion, state.Stats.Papers, state.Snapshot.Citations.EdgeCount);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A busy or briefly unreadable store: keep serving the snapshot we have and try again at the next tick.
                    LogFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(1, LogLevel.Information, "The store changed: snapshot {Version} rebuilt (store version {StoreVersion}, {Papers} papers, {Citations} citations)")]
    private partial void LogRebuilt(long version, long? storeVersion, int papers, int citations);

    [LoggerMessage(2, LogLevel.Warning, "Refreshing the snapshot failed; the previous one is still served")]
    private partial void LogFailed(Exception exception);
}
