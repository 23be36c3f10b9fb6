using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

/// <summary>Commands bound to a transaction, for the writes (and consistent reads) that run several statements in one.</summary>
internal static class SqliteTransactionCommands
{
    /// <summary>A command on the transaction's connection, enlisted in it, with <paramref name="sql"/> as its text.</summary>
    public static SqliteCommand Command(this SqliteTransaction tx, string sql)
    {
        var command = tx.Connection!.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Whether the schema, as the transaction sees it, has a <paramref name="type"/> (table, index, …) named <paramref name="name"/>.</summary>
    public static async Task<bool> HasSchemaObjectAsync(this SqliteTransaction tx, string type, string name, CancellationToken cancellationToken)
    {
        await using var command = tx.Command("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = $type AND name = $name);");
        command.Parameters.AddWithValue("$type", type);
        command.Parameters.AddWithValue("$name", name);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == 1;
    }
}
