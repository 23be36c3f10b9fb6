using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// The secondary indexes of some tables, dropped for the length of a transaction that rewrites those tables and built
/// again, each with one sort, before it commits: filled row by row in an order other than their key, an index larger than
/// the page cache costs a page read per row, and in a transaction of gigabytes every page read also searches the
/// write-ahead log (one hash table per 4,096 frames). The index definitions are read from the schema itself, so they come
/// back exactly as the migrations made them; drop and build are in the caller's transaction, so no reader ever sees
/// the tables without them.
/// </summary>
internal sealed class IndexesBuiltAfter
{
    private readonly List<string> _definitions;

    private IndexesBuiltAfter(List<string> definitions) => _definitions = definitions;

    /// <summary>Drops the explicit indexes of <paramref name="tables"/> (not their primary keys) and remembers them.</summary>
    public static async Task<IndexesBuiltAfter> DropAsync(SqliteTransaction tx, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        var definitions = new List<string>();
        var drops = new List<string>();
        await using var command = tx.Command("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each($tables)) ORDER BY name;");
        command.Parameters.AddWithValue("$tables", System.Text.Json.JsonSerializer.Serialize(tables));
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // Names come from sqlite_master.
                drops.Add($"DROP INDEX \"{reader.GetString(0)}\";");
                definitions.Add(reader.GetString(1) + ";");
            }
        }

        if (drops.Count > 0)
        {
            command.Parameters.Clear();
            command.CommandText = string.Join('\n', drops);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return new IndexesBuiltAfter(definitions);
    }

    /// <summary>Builds the dropped indexes again, in the same transaction.</summary>
    public async Task BuildAsync(SqliteTransaction tx, CancellationToken cancellationToken)
    {
        if (_definitions.Count == 0)
        {
            return;
        }

        await using var command = tx.Command(string.Join('\n', _definitions));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
