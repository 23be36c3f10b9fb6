using CiteGraph.Graph.Storage.Versions;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// Reads the change feed of a schema-19 file: the stored events and the CITATION_ADDED events its citation rows stand for.
/// Versions in order; within a version, its stored events other than additions by sequence, then its additions by citation
/// key: the rows stamped with it (<c>cites.version</c>, through <c>cites_by_version</c>; not the rows a stub's absorption
/// moved, kind-7 markers) merged with its stored additions (citations removed or moved since, each at its row's key,
/// <c>row_key</c>, before the row with the same key). A stored event's <see cref="ChangeEvent.Sequence"/> is its <c>seq</c>;
/// a row's is <see cref="RowSequence"/> (bit 62 set, then the key), so either is a cursor from which the next page resumes,
/// however many rows a version has, with no offsets; a row removed after a page was read keeps its place (its stored
/// addition is at its key), so the next page neither misses nor repeats it.
/// </summary>
internal static class ChangeFeedReader
{
    /// <summary>Set in the sequence of an event read from a citation row.</summary>
    public const long RowFlag = 1L << 62;

    private const long MaxSource = (1L << 31) - 1;
    private const long MaxTarget = (1L << 30) - 1;

    /// <summary>The data of a citation's event, as the log has always written it (null for a plain explicit citation).</summary>
    public const string CitationData = """
        CASE WHEN c.kind = 'explicit' AND c.evidence IS NULL THEN NULL
            ELSE json_object('kind', c.kind, 'confidence', c.confidence, 'evidence', c.evidence) END
        """;

    /// <summary>The cursor of a citation row's event: its key in 62 bits, ordered as the key is.</summary>
    public static long RowSequence(long src, long dst, string kind)
    {
        if (src > MaxSource || dst > MaxTarget)
        {
            throw new InvalidOperationException($"Paper keys past {MaxTarget:N0} do not fit a change-feed cursor.");
        }

        return RowFlag | (src << 31) | (dst << 1) | (kind == "inferred" ? 1L : 0L);
    }

    public static async Task<ChangePage> ReadAsync(SqliteConnection connection, long since, long after, int first, CancellationToken ct)
    {
        var limit = first + 1;
        var events = new List<ChangeEvent>(Math.Min(limit, 1024));
        var position = await StartAsync(connection, since, after, ct).ConfigureAwait(false);
        while (position is { } at && events.Count < limit)
        {
            var want = limit - events.Count;
            var got = at.Part == Part.Stored
                ? await ReadStoredAsync(connection, at, want, events, ct).ConfigureAwait(false)
                : await ReadAdditionsAsync(connection, at, want, events, ct).ConfigureAwait(false);
            if (got == want)
            {
                break;
            }

            position = at.Part == Part.Stored
                ? at with { Part = Part.Additions, Seq = null }
                : await NextVersionAsync(connection, at.Version, ct).ConfigureAwait(false);
        }

        var hasNext = events.Count > first;
        if (hasNext)
        {
            events.RemoveAt(events.Count - 1);
        }

        return new ChangePage(events, hasNext);
    }

    private enum Part
    {
        Stored,
        Additions,
    }

    /// <summary>
    /// Where reading goes on: a version, a part of it, and the last event read in that part: in the stored part its
    /// <paramref name="Seq"/> (null: the start); among the additions its <paramref name="Key"/> (a row's sequence; -1 for a
    /// stub's) and, for a stored addition, its <paramref name="Seq"/> (null for a row, which comes after every stored
    /// addition at its key), with its <paramref name="Paper"/> and <paramref name="Other"/> (stored additions at one key are
    /// ordered by them, then sequence: the stubs' all share key -1).
    /// </summary>
    private sealed record Position(long Version, Part Part, long? Seq = null, long Key = -2, string? Paper = null, string? Other = null);

    private static async Task<Position?> StartAsync(SqliteConnection connection, long since, long after, CancellationToken ct)
    {
        Position? at = null;
        if (after >= RowFlag)
        {
            at = await RowCursorAsync(connection, after, ct).ConfigureAwait(false);
        }
        else if (after > 0)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT version, kind, row_key, paper, other FROM change_event WHERE seq = $after
                UNION ALL SELECT * FROM (SELECT version, 0, NULL, NULL, NULL FROM change_event WHERE seq < $after ORDER BY seq DESC LIMIT 1)
                LIMIT 1;
                """;
            command.Parameters.AddWithValue("$after", after);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            if (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                at = reader.GetInt32(1) == (int)ChangeKind.CitationAdded
                    ? new Position(reader.GetInt64(0), Part.Additions, after, reader.IsDBNull(2) ? -1 : reader.GetInt64(2), reader.GetString(3), reader.GetString(4))
                    : new Position(reader.GetInt64(0), Part.Stored, after);
            }
        }

        return at is not null && at.Version > since ? at : await NextVersionAsync(connection, Math.Max(since, at?.Version ?? since), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The position of a row's cursor: the row's version, or — the row deleted or moved since the page was read — the version
    /// of the addition stored at its key.
    /// </summary>
    private static async Task<Position> RowCursorAsync(SqliteConnection connection, long after, CancellationToken ct)
    {
        var (src, dst, kind) = ((after >> 31) & MaxSource, (after >> 1) & MaxTarget, (after & 1) == 1 ? "inferred" : "explicit");
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT version FROM cites WHERE src_pk = $src AND dst_pk = $dst AND kind = $kind AND version IS NOT NULL
            UNION ALL SELECT * FROM (SELECT version FROM change_event WHERE kind = 4 AND row_key = $key ORDER BY seq DESC LIMIT 1)
            LIMIT 1;
            """;
        command.Parameters.AddWithValue("$src", src);
        command.Parameters.AddWithValue("$dst", dst);
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$key", after);
        var version = await command.ExecuteScalarAsync(ct).ConfigureAwait(false)
            ?? throw new ArgumentException("The cursor names a citation the store no longer knows.", nameof(after));
        return new Position((long)version, Part.Additions, Key: after);
    }

    private static async Task<Position?> NextVersionAsync(SqliteConnection connection, long version, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT min(number) FROM version WHERE number > $v;";
        command.Parameters.AddWithValue("$v", version);
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is long next ? new Position(next, Part.Stored) : null;
    }

    private static async Task<int> ReadStoredAsync(SqliteConnection connection, Position at, int want, List<ChangeEvent> events, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT seq, kind, paper, other, data FROM change_event INDEXED BY change_event_by_version
            WHERE version = $v AND seq > $seq AND kind NOT IN (4, 7) ORDER BY seq LIMIT $n;
            """;
        command.Parameters.AddWithValue("$v", at.Version);
        command.Parameters.AddWithValue("$seq", at.Seq ?? 0);
        command.Parameters.AddWithValue("$n", want);
        return await ReadEventsAsync(command, at.Version, events, ct).ConfigureAwait(false);
    }

    private static async Task<int> ReadEventsAsync(SqliteCommand command, long version, List<ChangeEvent> events, CancellationToken ct)
    {
        var read = 0;
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            read++;
            events.Add(Event(reader, version));
        }

        return read;
    }

    /// <summary>
    /// The version's additions after the position, by key: up to <paramref name="want"/> rows and as many stored additions,
    /// merged (each side in index order), the first <paramref name="want"/> kept.
    /// </summary>
    private static async Task<int> ReadAdditionsAsync(SqliteConnection connection, Position at, int want, List<ChangeEvent> events, CancellationToken ct)
    {
        var stored = new List<(long Key, ChangeEvent Event)>();
        await using (var command = connection.CreateCommand())
        {
            // After a row at a key (or at the start: key -2), no stored addition at that key is left (they come first).
            command.CommandText = $"""
                SELECT seq, kind, paper, other, data, row_key FROM change_event INDEXED BY change_event_added
                WHERE kind = 4 AND version = $v
                  AND {(at.Seq is null ? "row_key > $key" : "(row_key, paper, other, seq) > ($key, $paper, $other, $seq)")}
                ORDER BY row_key, paper, other, seq LIMIT $n;
                """;
            command.Parameters.AddWithValue("$v", at.Version);
            command.Parameters.AddWithValue("$key", at.Key);
            command.Parameters.AddWithValue("$paper", (object?)at.Paper ?? DBNull.Value);
            command.Parameters.AddWithValue("$other", (object?)at.Other ?? DBNull.Value);
            command.Parameters.AddWithValue("$seq", at.Seq ?? 0);
            command.Parameters.AddWithValue("$n", want);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                stored.Add((reader.GetInt64(5), Event(reader, at.Version)));
            }
        }

        var rows = new List<ChangeEvent>();
        await using (var command = connection.CreateCommand())
        {
            // A row's key as a sequence: the part's position compares with it directly ($key: the last row read, or the key of the
            // last stored addition read, whose row, if any, comes next).
            command.CommandText = $"""
                SELECT c.src_pk, c.dst_pk, c.kind, s.id, d.id, {CitationData}
                FROM cites c INDEXED BY cites_by_version JOIN paper s ON s.pk = c.src_pk JOIN paper d ON d.pk = c.dst_pk
                WHERE c.version = $v AND (c.src_pk, c.dst_pk, c.kind) {(at.Seq is null ? ">" : ">=")} ($src, $dst, $kind)
                  AND NOT EXISTS (SELECT 1 FROM change_event m INDEXED BY change_event_moved
                      WHERE m.kind = 7 AND m.version = $v AND m.paper = s.id AND m.other = d.id AND m.data = c.kind)
                ORDER BY c.src_pk, c.dst_pk, c.kind LIMIT $n;
                """;
            var (src, dst, kind) = at.Key < RowFlag ? (-1L, -1L, "") : ((at.Key >> 31) & MaxSource, (at.Key >> 1) & MaxTarget, (at.Key & 1) == 1 ? "inferred" : "explicit");
            command.Parameters.AddWithValue("$v", at.Version);
            command.Parameters.AddWithValue("$src", src);
            command.Parameters.AddWithValue("$dst", dst);
            command.Parameters.AddWithValue("$kind", kind);
            command.Parameters.AddWithValue("$n", want);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var rowKind = reader.GetString(2);
                rows.Add(new ChangeEvent(
                    RowSequence(reader.GetInt64(0), reader.GetInt64(1), rowKind), at.Version, ChangeKind.CitationAdded, reader.GetString(3),
                    reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
            }
        }

        // Merge: a stored addition goes before the row with its key.
        var (i, j, taken) = (0, 0, 0);
        while (taken < want && (i < stored.Count || j < rows.Count))
        {
            var storedFirst = j == rows.Count || (i < stored.Count && stored[i].Key <= rows[j].Sequence);
            events.Add(storedFirst ? stored[i++].Event : rows[j++]);
            taken++;
        }

        return taken;
    }

    private static ChangeEvent Event(SqliteDataReader reader, long version) => new(
        reader.GetInt64(0), version, (ChangeKind)reader.GetInt32(1), reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4));
}
