using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// Copies the write-ahead log into the database file on a connection and thread of its own while a bulk load writes,
/// so the one writer never stops to checkpoint. Left to itself the writer checkpoints after every batch that grows the
/// log past 1,000 pages (SQLite's automatic checkpoint): every batch of a large load, on the writer's thread, a tenth
/// of its time in the last profile (bench/RESULTS.md, Ingest). A passive checkpoint runs beside a writer (SQLite locks
/// the two apart), so here it is nudged after each commit and copies what is committed while the next batch is built.
/// </summary>
/// <remarks>
/// SQLite starts the log from its beginning again only when a write transaction begins with every frame copied, which
/// a writer that never waits would not see: the log would grow to the size of the whole load. <see cref="DrainAsync"/>
/// lets the writer, between batches, finish the copy (the last batch's frames at most) once the log is past
/// <see cref="DefaultLogLimitBytes"/>, so the next batch starts it over. Nothing here changes what is durable: the log is the
/// database until it is copied, whoever copies it.
/// </remarks>
internal sealed class BulkCheckpointer : IAsyncDisposable
{
    /// <summary>The log size past which the writer lets it start over before its next batch: 256 MiB.</summary>
    public const long DefaultLogLimitBytes = 256L << 20;

    private readonly SqliteConnection _connection;
    private readonly string _logPath;
    private readonly SemaphoreSlim _nudged = new(0, 1);
    private readonly SemaphoreSlim _copying = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private readonly long _logLimitBytes;

    private BulkCheckpointer(SqliteConnection connection, string databasePath, long logLimitBytes)
    {
        _connection = connection;
        _logLimitBytes = logLimitBytes;
        _logPath = databasePath + "-wal";
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Starts the checkpointer on a connection of its own, opened by <paramref name="open"/>.</summary>
    public static async Task<BulkCheckpointer> StartAsync(
        Func<CancellationToken, Task<SqliteConnection>> open, string databasePath, long logLimitBytes, CancellationToken cancellationToken) =>
        new(await open(cancellationToken).ConfigureAwait(false), databasePath, logLimitBytes);

    /// <summary>Says a batch was committed: there are frames to copy. Never blocks.</summary>
    public void Nudge()
    {
        if (_nudged.CurrentCount == 0)
        {
            try
            {
                _nudged.Release();
            }
            catch (SemaphoreFullException)
            {
                // Nudged already and not yet woken: one copy covers both.
            }
        }
    }

    /// <summary>
    /// When the log has grown past its limit (<see cref="DefaultLogLimitBytes"/> unless the store says otherwise): waits for the copy under way and copies the rest on
    /// <paramref name="writer"/>, so the writer's next transaction starts the log over. Call between batches. The log's
    /// length is its file's: the writer's <c>journal_size_limit</c> of 0 cuts the file back each time the log starts over.
    /// </summary>
    public async Task DrainAsync(SqliteConnection writer, CancellationToken cancellationToken)
    {
        var log = new FileInfo(_logPath);
        if (!log.Exists || log.Length < _logLimitBytes)
        {
            return;
        }

        await _copying.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await CheckpointAsync(writer, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _copying.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting for a nudge or inside a copy: what was copied stays copied.
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
        _nudged.Dispose();
        _copying.Dispose();
    }

    private async Task LoopAsync()
    {
        while (true)
        {
            await _nudged.WaitAsync(_stop.Token).ConfigureAwait(false);
            await _copying.WaitAsync(_stop.Token).ConfigureAwait(false);
            try
            {
                await CheckpointAsync(_connection, _stop.Token).ConfigureAwait(false);
            }
            catch (SqliteException)
            {
                // A passive checkpoint that could not run (the database busy or closing) is only a copy postponed:
                // the next nudge, the writer's drain or SQLite's own checkpoint after the load does it.
            }
            finally
            {
                _copying.Release();
            }
        }
    }

    private static async Task CheckpointAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
