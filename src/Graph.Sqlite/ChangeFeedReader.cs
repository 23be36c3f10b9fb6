using CiteGraph.Graph.Storage.Versions;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// Reads the change feed of a schema-22 file in commit order: batch by batch (<c>version_batch</c>, one per write
/// transaction, numbered inside it, so in the order the transactions committed), only the batches of versions after the one
/// asked. Within a batch, its stored events other than additions by sequence (the log's rows between its <c>first_seq</c>
/// and the next batch's; a batch that stands for a whole version from before schema 22 reads that version's, as before),
/// then its additions by citation key: the rows stamped with it (<c>cites.version</c>, <c>cites.batch</c> through
/// <c>cites_by_version</c>; not the rows a stub's absorption moved, kind-7 markers) merged with its stored additions
/// (citations removed or moved since, each at its row's key, <c>row_key</c>, before the row with the same key).
/// <para>
/// Why nothing is lost or read twice, however many writers run or die: a reader that has seen batch <c>b</c> has seen every
/// batch before it (they committed first), and nothing new ever takes a place at or before <c>b</c> but a stored addition
/// standing exactly where its row was (the reader read the row, or reads the addition). A cursor is the batch and the event's
/// <see cref="ChangeEvent.Sequence"/> (a stored event's <c>seq</c>; a row's <see cref="RowSequence"/>: bit 62 set, then the
/// key), so the next page resumes inside a batch with no offsets. Each page is read in one read transaction.
/// </para>
/// </summary>
internal static class ChangeFeedReader
{
    /// <summary>Set in the sequence of an event read from a citation row.</summary>
    public const long RowFlag = 1L << 62;

    private const long MaxSource = (1L << 31) - 1;
    private const long MaxTarget = (1L << 30) - 1;

    /// <summary>
    /// The data of a citation's event, as the log has always written it (null for a plain explicit citation; the kind by its
    /// word, as before schema 23 stored it in the row).
    /// </summary>
    public static readonly string CitationData = CitationKinds.EventDataSql("c");

    /// <summary>The cursor of a citation row's event: its key in 62 bits, ordered as the key is.</summary>
    public static long RowSequence(long src, long dst, long kind)
    {
        if (src > MaxSource || dst > MaxTarget)
        {
            throw new InvalidOperationException($"Paper keys past {MaxTarget:N0} do not fit a change-feed cursor.");
        }

        return RowFlag | (src << 31) | (dst << 1) | (kind == CitationKinds.Inferred ? 1L : 0L);
    }

    /// <summary>The citation key a row's sequence holds (<see cref="RowSequence"/> read back).</summary>
    private static (long Src, long Dst, long Kind) RowKey(long sequence) =>
        ((sequence >> 31) & MaxSource, (sequence >> 1) & MaxTarget, sequence & 1);

    public static async Task<ChangePage> ReadAsync(SqliteConnection connection, long since, ChangeCursor after, int first, CancellationToken ct)
    {
        var limit = first + 1;
        var events = new List<ChangeEvent>(Math.Min(limit, 1024));
        // One snapshot for the page: a batch committed between two statements is either seen by all of them or by none.
        await using var tx = connection.BeginTransaction(deferred: true);
        var position = await StartAsync(tx, since, after, ct).ConfigureAwait(false);
        while (position is { } at && events.Count < limit)
        {
            var want = limit - events.Count;
            var got = at.Part == Part.Stored
                ? await ReadStoredAsync(tx, at, want, events, ct).ConfigureAwait(false)
                : await ReadAdditionsAsync(tx, at, want, events, ct).ConfigureAwait(false);
            if (got == want)
            {
                break;
            }

            position = at.Part == Part.Stored
                ? at with { Part = Part.Additions, Seq = null }
                : await NextBatchAsync(tx, since, at.Batch.Number, ct).ConfigureAwait(false);
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
    /// A batch: its number, its version, and the range of the log's sequences its stored events have (after
    /// <paramref name="FirstSeq"/>, up to <paramref name="EndSeq"/>, the next batch's start, when one has committed); no
    /// <paramref name="FirstSeq"/>: a batch standing for a version written before schema 22, read by version.
    /// </summary>
    private sealed record Batch(long Number, long Version, long? FirstSeq, long? EndSeq);

    /// <summary>
    /// Where reading goes on: a batch, a part of it, and the last event read in that part: in the stored part its
    /// <paramref name="Seq"/> (null: the start); among the additions its <paramref name="Key"/> (a row's sequence; -1 for a
    /// stub's stored before schema 22) and, for a stored addition, its <paramref name="Seq"/> (null for a row, which comes
    /// after every stored addition at its key), with its <paramref name="Paper"/> and <paramref name="Other"/> (stored
    /// additions at one key are ordered by them, then sequence).
    /// </summary>
    private sealed record Position(Batch Batch, Part Part, long? Seq = null, long Key = -2, string? Paper = null, string? Other = null);

    private const string BatchColumns = """
        b.batch, b.version, b.first_seq, (SELECT n.first_seq FROM version_batch n WHERE n.batch > b.batch ORDER BY n.batch LIMIT 1)
        """;

    private static async Task<Position?> StartAsync(SqliteTransaction tx, long since, ChangeCursor after, CancellationToken ct)
    {
        if (after == ChangeCursor.Start)
        {
            return await NextBatchAsync(tx, since, 0, ct).ConfigureAwait(false);
        }

        var number = after.Batch > 0 ? after.Batch : await BatchOfSequenceAsync(tx, after.Sequence, ct).ConfigureAwait(false);
        await using var command = tx.Command($"SELECT {BatchColumns} FROM version_batch b WHERE b.batch = $b;");
        command.Parameters.AddWithValue("$b", number);
        var batch = await ReadBatchAsync(command, ct).ConfigureAwait(false);
        if (batch is null || batch.Version <= since)
        {
            return await NextBatchAsync(tx, since, number, ct).ConfigureAwait(false);
        }

        if (after.Sequence >= RowFlag)
        {
            return new Position(batch, Part.Additions, Key: after.Sequence);
        }

        command.CommandText = "SELECT kind, row_key, paper, other FROM change_event WHERE seq = $seq;";
        command.Parameters.AddWithValue("$seq", after.Sequence);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) && reader.GetInt32(0) == (int)ChangeKind.CitationAdded
            ? new Position(batch, Part.Additions, after.Sequence, reader.IsDBNull(1) ? -1 : reader.GetInt64(1), reader.GetString(2), reader.GetString(3))
            : new Position(batch, Part.Stored, after.Sequence);
    }

    /// <summary>
    /// The batch of a cursor made before batches were recorded (a sequence alone): a row's — the row there now, or the
    /// addition stored at its key —, a stored addition's row's, or the batch whose range holds a stored event's sequence
    /// (a batch from before schema 22: the event's version, or the version of the nearest event before it when it is gone).
    /// </summary>
    private static async Task<long> BatchOfSequenceAsync(SqliteTransaction tx, long sequence, CancellationToken ct)
    {
        await using var command = tx.Command(sequence >= RowFlag
            ? """
              SELECT coalesce(batch, version) FROM cites WHERE src_pk = $src AND dst_pk = $dst AND kind = $kind AND version IS NOT NULL
              UNION ALL SELECT * FROM (SELECT row_batch FROM change_event WHERE kind = 4 AND row_key = $seq ORDER BY seq DESC LIMIT 1)
              LIMIT 1;
              """
            : """
              SELECT row_batch FROM change_event WHERE seq = $seq AND kind = 4
              UNION ALL SELECT * FROM (SELECT max(batch) AS b FROM version_batch WHERE first_seq < $seq) WHERE b IS NOT NULL
              UNION ALL SELECT * FROM (SELECT version FROM change_event WHERE seq <= $seq ORDER BY seq DESC LIMIT 1)
              LIMIT 1;
              """);
        var (src, dst, kind) = RowKey(sequence);
        command.Parameters.AddWithValue("$seq", sequence);
        command.Parameters.AddWithValue("$src", src);
        command.Parameters.AddWithValue("$dst", dst);
        command.Parameters.AddWithValue("$kind", kind);
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) as long?
            ?? throw new ArgumentException("The cursor names an event the store no longer knows.", nameof(sequence));
    }

    private static async Task<Position?> NextBatchAsync(SqliteTransaction tx, long since, long after, CancellationToken ct)
    {
        await using var command = tx.Command($"SELECT {BatchColumns} FROM version_batch b WHERE b.batch > $b AND b.version > $since ORDER BY b.batch LIMIT 1;");
        command.Parameters.AddWithValue("$b", after);
        command.Parameters.AddWithValue("$since", since);
        return await ReadBatchAsync(command, ct).ConfigureAwait(false) is { } batch ? new Position(batch, Part.Stored) : null;
    }

    private static async Task<Batch?> ReadBatchAsync(SqliteCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false)
            ? new Batch(reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetInt64(3))
            : null;
    }

    private static async Task<int> ReadStoredAsync(SqliteTransaction tx, Position at, int want, List<ChangeEvent> events, CancellationToken ct)
    {
        // A batch's events are a range of the log (sequences only grow, and a batch holds the write lock until it commits);
        // one from before schema 22 has its version's.
        await using var command = tx.Command(at.Batch.FirstSeq is null
            ? """
              SELECT seq, kind, paper, other, data FROM change_event INDEXED BY change_event_by_version
              WHERE version = $v AND seq > $seq AND kind NOT IN (4, 7) ORDER BY seq LIMIT $n;
              """
            : """
              SELECT seq, kind, paper, other, data FROM change_event
              WHERE seq > $seq AND seq <= $end AND kind NOT IN (4, 7) ORDER BY seq LIMIT $n;
              """);
        command.Parameters.AddWithValue("$v", at.Batch.Version);
        command.Parameters.AddWithValue("$seq", Math.Max(at.Seq ?? 0, at.Batch.FirstSeq ?? 0));
        command.Parameters.AddWithValue("$end", at.Batch.EndSeq ?? long.MaxValue);
        command.Parameters.AddWithValue("$n", want);
        var read = 0;
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            read++;
            events.Add(Event(reader, at.Batch));
        }

        return read;
    }

    /// <summary>
    /// The batch's additions after the position, by key: up to <paramref name="want"/> rows and as many stored additions,
    /// merged (each side in index order), the first <paramref name="want"/> kept.
    /// </summary>
    private static async Task<int> ReadAdditionsAsync(SqliteTransaction tx, Position at, int want, List<ChangeEvent> events, CancellationToken ct)
    {
        var stored = new List<(long Key, ChangeEvent Event)>();
        await using (var command = tx.Command(""))
        {
            // After a row at a key (or at the start: key -2), no stored addition at that key is left (they come first).
            command.CommandText = $"""
                SELECT seq, kind, paper, other, data, row_key FROM change_event INDEXED BY change_event_added
                WHERE kind = 4 AND row_batch = $b
                  AND {(at.Seq is null ? "row_key > $key" : "(row_key, paper, other, seq) > ($key, $paper, $other, $seq)")}
                ORDER BY row_key, paper, other, seq LIMIT $n;
                """;
            command.Parameters.AddWithValue("$b", at.Batch.Number);
            command.Parameters.AddWithValue("$key", at.Key);
            command.Parameters.AddWithValue("$paper", (object?)at.Paper ?? DBNull.Value);
            command.Parameters.AddWithValue("$other", (object?)at.Other ?? DBNull.Value);
            command.Parameters.AddWithValue("$seq", at.Seq ?? 0);
            command.Parameters.AddWithValue("$n", want);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                stored.Add((reader.GetInt64(5), Event(reader, at.Batch)));
            }
        }

        var rows = new List<ChangeEvent>();
        await using (var command = tx.Command(""))
        {
            // A row's key as a sequence: the part's position compares with it directly ($key: the last row read, or the key of the
            // last stored addition read, whose row, if any, comes next). Rows from before schema 22 have no batch: their
            // version's stands for them.
            command.CommandText = $"""
                SELECT c.src_pk, c.dst_pk, c.kind, s.id, d.id, {CitationData}
                FROM cites c JOIN paper s ON s.pk = c.src_pk JOIN paper d ON d.pk = c.dst_pk
                WHERE c.version = $v AND {(at.Batch.FirstSeq is null ? "c.batch IS NULL" : "c.batch = $b")}
                  AND (c.src_pk, c.dst_pk, c.kind) {(at.Seq is null ? ">" : ">=")} ($src, $dst, $kind)
                  AND NOT EXISTS (SELECT 1 FROM change_event m INDEXED BY change_event_moved
                      WHERE m.kind = 7 AND m.row_batch = $b AND m.paper = s.id AND m.other = d.id
                        AND m.data = {CitationKinds.NameSql("c")})
                ORDER BY c.src_pk, c.dst_pk, c.kind LIMIT $n;
                """;
            var (src, dst, kind) = at.Key < RowFlag ? (-1L, -1L, -1L) : RowKey(at.Key);
            command.Parameters.AddWithValue("$v", at.Batch.Version);
            command.Parameters.AddWithValue("$b", at.Batch.Number);
            command.Parameters.AddWithValue("$src", src);
            command.Parameters.AddWithValue("$dst", dst);
            command.Parameters.AddWithValue("$kind", kind);
            command.Parameters.AddWithValue("$n", want);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var rowKind = reader.GetInt64(2);
                rows.Add(new ChangeEvent(
                    RowSequence(reader.GetInt64(0), reader.GetInt64(1), rowKind), at.Batch.Version, ChangeKind.CitationAdded, reader.GetString(3),
                    reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5))
                { Batch = at.Batch.Number });
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

    private static ChangeEvent Event(SqliteDataReader reader, Batch batch) => new(
        reader.GetInt64(0), batch.Version, (ChangeKind)reader.GetInt32(1), reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4))
    { Batch = batch.Number };
}
