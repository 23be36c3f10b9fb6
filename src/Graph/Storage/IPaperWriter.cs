using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Storage;

/// <summary>
/// A role of a graph store: writing papers and their explicit citations: what a loader needs. A store implements every role it supports; <see cref="IGraphStore"/>
/// is all of them. Implementations are safe for concurrent readers while one writer writes.
/// </summary>
public interface IPaperWriter
{
    /// <summary>Every paper's identity keys, so a resolver can match incoming records to stored papers.</summary>
    IAsyncEnumerable<PaperIdentity> ReadIdentitiesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a batch of resolved records in one transaction: creates papers that are new, merges the others, keeps every
    /// record as a source. Writing the same records again changes nothing.
    /// </summary>
    Task UpsertAsync(IReadOnlyList<ResolvedRecord> batch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes like <see cref="UpsertAsync"/> and returns how many papers of the batch resolved as new
    /// (<see cref="ResolvedRecord.ResolvedAsNew"/>) were found stored when the batch was written: another writer (a
    /// concurrent load) created them after the caller read the store's identities, so they were merged, not created.
    /// Stores that cannot tell return 0.
    /// </summary>
    async Task<int> UpsertCountingAsync(IReadOnlyList<ResolvedRecord> batch, CancellationToken cancellationToken = default)
    {
        await UpsertAsync(batch, cancellationToken).ConfigureAwait(false);
        return 0;
    }

    /// <summary>
    /// Tells the store a large load follows, so it may defer index maintenance until the returned scope is disposed.
    /// Reads stay correct meanwhile, if slower. Stores with nothing to defer return a scope that does nothing.
    /// </summary>
    Task<IAsyncDisposable> BeginBulkLoadAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IAsyncDisposable>(NoBulkLoad.Instance);

    /// <summary>
    /// Writes CITES relationships between stored papers in one transaction. An explicit citation is never replaced by an
    /// inferred one; writing the same citations again changes nothing. Citations naming an unknown paper are skipped.
    /// </summary>
    /// <returns>The number of citations that name two stored papers.</returns>
    Task<int> UpsertCitationsAsync(IReadOnlyList<Citation> citations, CancellationToken cancellationToken = default);
}
