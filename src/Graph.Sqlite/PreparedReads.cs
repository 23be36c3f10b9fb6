using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// Open read connections kept with their prepared statements, for the small reads a server repeats thousands of times a
/// second (a paper by id, the repositories of a batch of papers). Opening a pooled connection and preparing the statement
/// again cost more than running it (a CPU profile of <c>paper(id)</c> under load: 16% of the time in
/// <c>sqlite3_prepare</c>, 5% in opening); a <see cref="SqliteCommand"/> keeps its prepared statement between executions
/// while its text and connection stay the same, so each session keeps one command per SQL text.
/// </summary>
/// <remarks>
/// Only fixed SQL texts belong here (the number of distinct texts bounds each session's commands). A session holds no
/// transaction between reads (each read is its own autocommit statement), so it sees every committed write and does not
/// hold back WAL checkpoints. Sessions beyond <see cref="MaxIdle"/> are closed when returned; the rest close with the store.
/// </remarks>
internal sealed class PreparedReads(Func<CancellationToken, Task<SqliteConnection>> open) : IAsyncDisposable
{
    /// <summary>Sessions kept open between reads; the store keeps at least as many idle read connections.</summary>
    internal const int MaxIdle = 16;

    // A stack, not a ConcurrentBag: the bag's Count takes every thread's lock (6% of a paper(id) profile at c=8 was that
    // lock's slow path), and last in, first out hands out the session whose page cache was used last.
    private readonly ConcurrentStack<Session> _idle = new();
    private int _idleCount;
    private volatile bool _disposed;

    /// <summary>Runs <paramref name="read"/> on an idle session (or a new one) and gives the session back.</summary>
    public async Task<T> RunAsync<T>(Func<Session, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var session = TryTakeIdle(out var idle) ? idle : new Session(await open(cancellationToken).ConfigureAwait(false));
        var healthy = false;
        try
        {
            var result = await read(session, cancellationToken).ConfigureAwait(false);
            healthy = true;
            return result;
        }
        finally
        {
            // A session whose read failed (cancelled mid-step, store error) is closed rather than reused in an unknown state.
            if (healthy && !_disposed && Volatile.Read(ref _idleCount) < MaxIdle)
            {
                Interlocked.Increment(ref _idleCount);
                _idle.Push(session);
                if (_disposed && TryTakeIdle(out var late))
                {
                    await late.DisposeAsync().ConfigureAwait(false);
                }
            }
            else
            {
                await session.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private bool TryTakeIdle([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Session? session)
    {
        if (_idle.TryPop(out session))
        {
            Interlocked.Decrement(ref _idleCount);
            return true;
        }

        return false;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        while (TryTakeIdle(out var session))
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>One open connection and the prepared commands run on it, by SQL text.</summary>
    internal sealed class Session(SqliteConnection connection) : IAsyncDisposable
    {
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        /// <summary>The command for <paramref name="sql"/>, prepared on first use, with its parameters cleared.</summary>
        public SqliteCommand Command(string sql)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = sql;
                _commands[sql] = command;
            }

            command.Parameters.Clear();
            return command;
        }

        /// <inheritdoc />
        public async ValueTask DisposeAsync()
        {
            foreach (var command in _commands.Values)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }

            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
