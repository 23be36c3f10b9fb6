using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite.Tests;

/// <summary>How the SQLite this build ships would run a statement: the detail column of EXPLAIN QUERY PLAN, row by row.</summary>
internal static class QueryPlan
{
    public static async Task<List<string>> ReadAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }
}
