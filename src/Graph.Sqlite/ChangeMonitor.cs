using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// Counts the commits to a SQLite file that it has seen, whoever made them: one connection of its own that never
/// writes, asked for <c>PRAGMA data_version</c>, which moves whenever another connection (of this process or any other)
/// has committed since the last ask. O(1): no table is read.
/// </summary>
internal sealed class ChangeMonitor(Func<CancellationToken, Task<SqliteConnection>> open) : IAsyncDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private SqliteConnection? _connection;
    private long? _lastDataVersion;
    private long _changes;

    /// <summary>How many times the file was seen changed since this monitor first looked (1 on the first call).</summary>
    public async Task<long> VersionAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _connection ??= await open(cancellationToken).ConfigureAwait(false);
            await using var command = _connection.CreateCommand();
            command.CommandText = "PRAGMA data_version;";
            var dataVersion = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            if (dataVersion != _lastDataVersion)
            {
                _lastDataVersion = dataVersion;
                _changes++;
            }

            return _changes;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }

        _lock.Dispose();
    }
}
