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
}
