using System.Text;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Loaders.Tests.Support;

/// <summary>Reads a SQLite store file directly: whole-table dumps for idempotency checks and single counts.</summary>
internal static class StoreDump
{
    /// <summary>
    /// History kept in a graph table: the version and the batch that wrote a citation row (<c>cites.version</c>, <c>cites.batch</c>:
    /// "as of" rankings and the change feed).
    /// A killed load's re-run writes its rows in a later version than one uninterrupted load would; the graph is the same.
    /// </summary>
    private static bool IsHistory(string table, string column) => table == "cites" && column is "version" or "batch";

    /// <summary>
    /// Every row of every table, sorted, as text; FTS shadow tables aside, and <c>derive_state</c>, which records when
    /// the last full derive pass ran (a pass run again is a new pass, on the same graph).
    /// </summary>
    public static async Task<string> DumpAsync(string databasePath)
    {
        await using var connection = await OpenAsync(databasePath);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            // The graph's state, not its history: a killed load and its re-run hold the same graph as one load, but the
            // version log says there were two runs (tests/Host.Tests/VersionsTests checks the log itself).
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'paper_fts%' AND name <> 'derive_state' AND name NOT IN ('version', 'version_batch', 'change_event', 'analytics_history') ORDER BY name;";
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
                var values = new List<string>(reader.FieldCount);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (IsHistory(table, reader.GetName(i)))
                    {
                        continue;
                    }

                    values.Add(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!);
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

    /// <summary>The schema: every table, index and trigger with the SQL that made it, by name.</summary>
    public static async Task<string> SchemaAsync(string databasePath)
    {
        await using var connection = await OpenAsync(databasePath);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master ORDER BY name;";
        await using var reader = await command.ExecuteReaderAsync();
        var sb = new StringBuilder();
        while (await reader.ReadAsync())
        {
            sb.AppendJoin(" | ", reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)).AppendLine();
        }

        return sb.ToString();
    }

    /// <summary>
    /// FTS5's own check of the search index against the paper table ("ok", or what it found wrong), and whether every
    /// paper is in it.
    /// </summary>
    public static async Task<string> SearchIndexCheckAsync(string databasePath)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO paper_fts (paper_fts, rank) VALUES ('integrity-check', 1);";
        try
        {
            await command.ExecuteNonQueryAsync();
        }
        catch (SqliteException e)
        {
            return e.Message;
        }

        command.CommandText = "SELECT count(*) FROM paper WHERE pk NOT IN (SELECT id FROM paper_fts_docsize);";
        var missing = (long)(await command.ExecuteScalarAsync())!;
        return missing == 0 ? "ok" : $"{missing} papers not in the search index";
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

    /// <summary>Every explicit citation as <c>citing\tcited</c>, each end named by its arXiv id, else its DOI, else its CiteGraph id.</summary>
    public static async Task<List<string>> ExplicitCitationsAsync(string databasePath)
    {
        await using var connection = await OpenAsync(databasePath);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT coalesce(s.arxiv_id, s.doi, s.id), coalesce(d.arxiv_id, d.doi, d.id)
            FROM cites c JOIN paper s ON s.pk = c.src_pk JOIN paper d ON d.pk = c.dst_pk
            WHERE c.kind = 0; -- explicit (schema 23: the kind is an integer)
            """;
        var pairs = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            pairs.Add(reader.GetString(0) + "\t" + reader.GetString(1));
        }

        return pairs;
    }

    private static async Task<SqliteConnection> OpenAsync(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }
}
