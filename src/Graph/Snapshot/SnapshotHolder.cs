using CiteGraph.Graph.Storage;

namespace CiteGraph.Graph.Snapshot;

/// <summary>
/// Holds the current read model (<see cref="SnapshotState"/>: the <see cref="GraphSnapshot"/>, the counts and the last
/// analytics run) and swaps in a rebuilt one atomically: a query reads <see cref="Current"/> or <see cref="State"/> once
/// and works on that immutable value while rebuilds happen beside it.
/// </summary>
public sealed class SnapshotHolder(IGraphStore store)
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private SnapshotState _state = SnapshotState.Empty;

    /// <summary>The latest snapshot (empty until the first build).</summary>
    public GraphSnapshot Current => Volatile.Read(ref _state).Snapshot;

    /// <summary>The latest snapshot with the counts and store version it reflects.</summary>
    public SnapshotState State => Volatile.Read(ref _state);

    /// <summary>Reads the store and replaces the snapshot; concurrent calls build one after the other.</summary>
    public async Task<GraphSnapshot> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await _rebuild.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await BuildAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _rebuild.Release();
        }
    }

    /// <summary>
    /// Rebuilds when the store changed since the current snapshot was read (a CLI load into a served database, say);
    /// returns whether it did. Stores that cannot tell their version are never rebuilt here.
    /// </summary>
    public async Task<bool> RefreshIfChangedAsync(CancellationToken cancellationToken = default)
    {
        await _rebuild.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Asked under the lock: a rebuild that just finished has recorded the version it read.
            var version = await store.GetChangeVersionAsync(cancellationToken).ConfigureAwait(false);
            if (version is null || version == State.StoreVersion)
            {
                return false;
            }

            await BuildAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    private async Task<GraphSnapshot> BuildAsync(CancellationToken cancellationToken)
    {
        // The version first: whatever commits after it is read or not, and in either case moves the version again.
        var version = await store.GetChangeVersionAsync(cancellationToken).ConfigureAwait(false);
        var source = await store.ReadSnapshotSourceAsync(cancellationToken).ConfigureAwait(false);
        var stats = await store.GetStatsAsync(cancellationToken).ConfigureAwait(false);
        var analytics = await store.GetAnalyticsSummaryAsync(cancellationToken).ConfigureAwait(false);
        var snapshot = GraphSnapshot.Build(source, Current.Version + 1);
        Volatile.Write(ref _state, new SnapshotState(snapshot, version, stats, analytics));
        return snapshot;
    }
}
