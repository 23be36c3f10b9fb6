using System.Globalization;
using System.Text.Json;
using CiteGraph.Graph.Storage.Versions;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

/// <summary>How versions and events are kept in the SQLite file (tables of migration 0014).</summary>
internal static class SqliteVersionLog
{
    /// <summary>The kind of the marker of a citation row moved by a stub's absorption (schema 19): not an event.</summary>
    public const ChangeKind Moved = (ChangeKind)7;

    public const string VersionColumns = "v.number, v.kind, v.started_at, v.finished_at, v.summary";

    public static string KindName(VersionKind kind) => kind.ToString().ToUpperInvariant();

    /// <summary>A <c>version</c> row (<see cref="VersionColumns"/>); the summary counted from its events when the run has not fixed it.</summary>
    public static async Task<GraphVersion> ReadAsync(SqliteConnection connection, SqliteDataReader r, CancellationToken ct)
    {
        var number = r.GetInt64(0);
        var summary = r.IsDBNull(4)
            ? await CountAsync(connection, null, number, ct).ConfigureAwait(false)
            : JsonSerializer.Deserialize<VersionSummary>(r.GetString(4))!;
        return new GraphVersion(
            number,
            Enum.Parse<VersionKind>(r.GetString(1), ignoreCase: true),
            DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture),
            r.IsDBNull(3) ? null : DateTimeOffset.Parse(r.GetString(3), CultureInfo.InvariantCulture),
            summary);
    }

    /// <summary>The events of version <paramref name="number"/> counted per kind: the stored ones and its citation rows (index-only reads).</summary>
    public static async Task<VersionSummary> CountAsync(SqliteConnection connection, SqliteTransaction? tx, long number, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT kind, COUNT(*) FROM change_event WHERE version = $v GROUP BY kind;";
        command.Parameters.AddWithValue("$v", number);
        var counts = new Dictionary<ChangeKind, int>();
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                counts[(ChangeKind)reader.GetInt32(0)] = reader.GetInt32(1);
            }
        }

        if (await SqliteMigrator.GetVersionAsync(connection, ct, tx).ConfigureAwait(false) >= SqliteVersionTransaction.RowsAreEventsSchema)
        {
            // The citations the version added and that are still there are its rows (schema 19), not events.
            // but for rows a stub's absorption moved (kind 7 markers: their addition is stored under the stub's id).
            command.CommandText = "SELECT COUNT(*) FROM cites WHERE version = $v;";
            var rows = (long)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
            counts[ChangeKind.CitationAdded] = counts.GetValueOrDefault(ChangeKind.CitationAdded) + (int)rows - counts.GetValueOrDefault(Moved);
        }

        return VersionSummary.From(counts);
    }
}
