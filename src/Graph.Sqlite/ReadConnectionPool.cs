using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// The store's own open connections for reads, handed out by <see cref="OpenAsync"/> and given back by disposing them.
/// Microsoft.Data.Sqlite's pool is not used: it is one per connection string for the whole process, so another store on
/// the same file or anyone calling <c>SqliteConnection.ClearAllPools</c> clears it, and a clear (or a busy pool looking
/// for leaked connections) takes a connection another thread is opening at that moment for leaked — it is marked active
/// before its owner is set — and disposes its native handle under that thread ("Cannot access a disposed object. Object
/// name: 'SQLitePCL.sqlite3'"). Connections here are opened unpooled and only this store closes them.
/// </summary>
internal sealed class ReadConnectionPool : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly int _maxIdle;
    private readonly ConcurrentStack<Pooled> _idle = new();
    private int _idleCount;
    private int _opened;
    private volatile bool _disposed;

    /// <param name="connectionString">The store's connection string; opened with pooling off whatever it says.</param>
    /// <param name="maxIdle">How many connections given back are kept open for the next reads; the rest are closed.</param>
    public ReadConnectionPool(string connectionString, int maxIdle)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxIdle);
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
        _maxIdle = maxIdle;
    }

    /// <summary>How many connections were opened so far (the others were reused); for tests.</summary>
    internal int Opened => Volatile.Read(ref _opened);

    /// <summary>An open connection: one given back and kept, else a new one. Dispose it to give it back.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryPop(out var kept))
        {
            Interlocked.Decrement(ref _idleCount);
            kept.Lend();
            return kept;
        }

        var connection = new Pooled(this, _connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _opened);
            connection.Lend();
            return connection;
        }
        catch
        {
            connection.CloseForGood();
            throw;
        }
    }

    /// <summary>Closes the kept connections; those still lent out are closed when given back.</summary>
    public ValueTask DisposeAsync()
    {
        _disposed = true;
        CloseIdle();
        return ValueTask.CompletedTask;
    }

    /// <summary>Closes the connections kept idle (the next reads open the file anew); those lent out are not touched.</summary>
    public void CloseIdle()
    {
        while (_idle.TryPop(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            connection.CloseForGood();
        }
    }

    private bool TryKeep(Pooled connection)
    {
        if (_disposed || !IsClean(connection))
        {
            return false;
        }

        if (Interlocked.Increment(ref _idleCount) > _maxIdle)
        {
            Interlocked.Decrement(ref _idleCount);
            return false;
        }

        _idle.Push(connection);
        if (_disposed)
        {
            CloseIdle(); // the pool was disposed while this one was being kept
        }

        return true;
    }

    // Only an open connection with no transaction left (a read one would pin an old snapshot for the next reader) is
    // handed on. Statements are not checked (FTS5 keeps statements of its own on a connection): every command and reader
    // of the store is disposed before its connection.
    private static bool IsClean(Pooled connection) =>
        connection.State == System.Data.ConnectionState.Open
        && connection.OpenTransaction is null
        && raw.sqlite3_get_autocommit(connection.Handle) != 0;

    /// <summary>A connection that goes back to its pool when disposed, and is closed only when the pool does not keep it.</summary>
    private sealed class Pooled(ReadConnectionPool pool, string connectionString) : SqliteConnection(connectionString)
    {
        private bool _closing;
        private int _lent;

        public SqliteTransaction? OpenTransaction => Transaction;

        public void Lend() => Volatile.Write(ref _lent, 1);

        public void CloseForGood()
        {
            _closing = true;
            Dispose();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_closing)
            {
                // Given back once per loan: a second dispose by the same borrower must not put it in the pool twice, where
                // two later readers would share it.
                if (Interlocked.Exchange(ref _lent, 0) == 0 || pool.TryKeep(this))
                {
                    return;
                }
            }

            _closing = true;
            base.Dispose(disposing);
        }
    }
}
