using System.Text;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Loaders.Tests.Support;

/// <summary>Reads a SQLite store file directly: whole-table dumps for idempotency checks and single counts.</summary>
internal static class StoreDump
{
    /// <summary>Every row of every table (FTS shadow tables aside), sorted, as text.</summary>
    public static async Task<string> DumpAsync(string databasePath)
    {
        await using var connection = await OpenAsync(databasePath);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'paper_fts%' ORDER BY name;";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var sb = new StringBuilder();
        foreach (var table in tables)
        {
            sb.Append("## ").AppendLine(table);
            var rows = new List<string>();
            await using var select = connection.CreateCommand();
            // Table names come from sqlite_master, not from input.
#pragma warning disable CA2100
            select.CommandText = $"SELECT * FROM \"{table}\";";
#pragma warning restore CA2100
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var values = new string[reader.FieldCount];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
                }

                rows.Add(string.Join(" | ", values));
            }

            rows.Sort(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                sb.AppendLine(row);
            }
        }

        return sb.ToString();
    }

    /// <summary>The single value of a query, as a long.</summary>
    public static async Task<long> ScalarAsync(string databasePath, string sql)
    {
        await using var connection = await OpenAsync(databasePath);
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100
        command.CommandText = sql;
#pragma warning restore CA2100
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<SqliteConnection> OpenAsync(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }
}
