using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// Row keys the writer has already looked up or created (external id → paper, author name → author, input file → source), so a load of a
/// million papers with ten references each does not ask SQLite ten million times. Only ever holds what the database
/// holds: it is dropped when another connection has written (<c>PRAGMA data_version</c> moved) or a batch failed.
/// </summary>
internal sealed class WriteCache
{
    private long? _dataVersion;

    public PaperKeysByExternalId Ids { get; } = new();

    public Dictionary<string, long> Authors { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> Sources { get; } = new(StringComparer.Ordinal);

    /// <summary>Drops everything when a writer other than <paramref name="connection"/> has committed since the last batch.</summary>
    public async Task RevalidateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA data_version;";
        var version = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        if (version != _dataVersion)
        {
            Clear();
            _dataVersion = version;
        }
    }

    public void Clear()
    {
        Ids.Clear();
        Authors.Clear();
        Sources.Clear();
    }
}
