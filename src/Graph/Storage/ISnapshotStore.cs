namespace CiteGraph.Graph.Storage;

/// <summary>
/// A role of a graph store: what the server's in-memory snapshot is built from, and how it notices that the store changed. A store implements every role it supports; <see cref="IGraphStore"/>
/// is all of them. Implementations are safe for concurrent readers while one writer writes.
/// </summary>
public interface ISnapshotStore
{
    /// <summary>The whole graph's topology and small per-paper properties, read in one consistent transaction.</summary>
    Task<SnapshotSource> ReadSnapshotSourceAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// A number that changes whenever the store's contents change, whoever wrote them (this process or another one, a
    /// CLI <c>load</c> into a served database): the server polls it to notice outside writes and rebuild its snapshot.
    /// Compare values for equality only. Cheap (no scan). Null when the store cannot tell.
    /// </summary>
    Task<long?> GetChangeVersionAsync(CancellationToken cancellationToken = default) => Task.FromResult<long?>(null);
}
