namespace CiteGraph.Graph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    /// <summary>The index on citation targets, exactly as migration 0001 creates it.</summary>
    internal const string CitesTargetIndexSql = "CREATE INDEX IF NOT EXISTS cites_dst ON cites (dst_pk);";

    /// <inheritdoc />
    /// <remarks>
    /// Drops the index on citation targets for the load and builds it again at the end: one sort instead of ten million
    /// random inserts. Until then, "cited by" reads scan. Anything that needs the index before (merging a stub) rebuilds
    /// it on the spot, and <see cref="InitializeAsync"/> rebuilds it after a load that was killed.
    /// </remarks>
    public async Task<IAsyncDisposable> BeginBulkLoadAsync(CancellationToken cancellationToken = default)
    {
        await ExecuteUnderWriteLockAsync("DROP INDEX IF EXISTS cites_dst;", cancellationToken).ConfigureAwait(false);
        return new BulkLoadScope(this);
    }

    private async Task ExecuteUnderWriteLockAsync(string sql, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await WriterAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private sealed class BulkLoadScope(SqliteGraphStore store) : IAsyncDisposable
    {
        private int _disposed;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                // Not cancellable: the store must not be left without the index once the load is over.
                await store.ExecuteUnderWriteLockAsync(CitesTargetIndexSql, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
