using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Storage.Sqlite;

/// <summary>
/// Rows of one table on their way into a <c>json_each($rows)</c> insert, sent in chunks of about 32 KB: small enough that
/// the text never lands on the large-object heap (a load would otherwise leave hundreds of megabytes of it for the GC),
/// large enough that the per-statement cost disappears.
/// </summary>
internal sealed class RowChunks(SqliteCommand insert)
{
    private const int ChunkBytes = 32 * 1024;

    public JsonRows Rows { get; } = new();

    /// <summary>Called after each chunk with its JSON text, the rows sent and the rows the statement changed.</summary>
    public Func<string, int, int, CancellationToken, Task>? AfterChunk { get; init; }

    /// <summary>Sends the pending rows once they make a chunk.</summary>
    public Task RowDoneAsync(CancellationToken cancellationToken) =>
        Rows.Bytes >= ChunkBytes ? FlushAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>Sends whatever rows are pending.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (Rows.Count == 0)
        {
            return;
        }

        var sent = Rows.Count;
        var text = Rows.Take();
        insert.Parameters["$rows"].Value = text;
        var changed = await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        if (AfterChunk is not null)
        {
            await AfterChunk(text, sent, changed, cancellationToken).ConfigureAwait(false);
        }
    }
}
