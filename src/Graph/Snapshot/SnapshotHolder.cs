using CiteGraph.Graph.Storage;

namespace CiteGraph.Graph.Snapshot;

/// <summary>
/// Holds the current <see cref="GraphSnapshot"/> and swaps in a rebuilt one atomically: a query reads
/// <see cref="Current"/> once and works on that immutable snapshot while rebuilds happen beside it.
/// </summary>
public sealed class SnapshotHolder(IGraphStore store)
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private GraphSnapshot _current = GraphSnapshot.Empty;

    /// <summary>The latest snapshot (empty until the first build).</summary>
    public GraphSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Reads the store and replaces the snapshot; concurrent calls build one after the other.</summary>
    public async Task<GraphSnapshot> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await _rebuild.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var source = await store.ReadSnapshotSourceAsync(cancellationToken).ConfigureAwait(false);
            var snapshot = GraphSnapshot.Build(source, Current.Version + 1);
            Volatile.Write(ref _current, snapshot);
            return snapshot;
        }
        finally
        {
            _rebuild.Release();
        }
    }
}
