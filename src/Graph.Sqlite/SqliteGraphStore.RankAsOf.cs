using CiteGraph.Graph.Model;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// <c>ranking(asOf:)</c>. Kept scores (PageRank, betweenness, core) are read from the last analyze run at or before the
/// version through its (version, score) index: the first rows of one run's range, never a sort of the run. Citations start
/// from the counts an analyze run kept (the run whose version is closest to the one asked, by the citation events between
/// them): every paper no citation row written between the two touched had the same count then, so the index gives the top
/// of those, and the touched papers' counts are the kept ones moved by the rows written between (cites.version, schema
/// 17), never recounted. Stores with no such run count every paper.
/// </summary>
public sealed partial class SqliteGraphStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<RankedPaper>> RankAsOfAsync(
        RankingMetric metric, int first, PaperFilter filter, long version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var papers = metric switch
        {
            RankingMetric.Citations => await CitationsAsOfAsync(connection, first, filter, version, cancellationToken).ConfigureAwait(false),
            RankingMetric.PageRank => await KeptScoresAsOfAsync(connection, "page_rank", first, filter, version, cancellationToken).ConfigureAwait(false),
            RankingMetric.Betweenness => await KeptScoresAsOfAsync(connection, "betweenness", first, filter, version, cancellationToken).ConfigureAwait(false),
            RankingMetric.Core => await KeptScoresAsOfAsync(connection, "core_number", first, filter, version, cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentOutOfRangeException(nameof(metric)),
        };

        var ranked = new List<RankedPaper>(papers.Count);
        foreach (var (paper, value) in papers)
        {
            var then = await AsOfAsync(connection, paper, version, cancellationToken).ConfigureAwait(false) ?? paper;
            ranked.Add(new RankedPaper(ranked.Count + 1, then, value));
        }

        return ranked;
    }

    private static async Task<List<(Paper Paper, double Score)>> KeptScoresAsOfAsync(
        SqliteConnection connection, string column, int first, PaperFilter filter, long version, CancellationToken ct)
    {
        var run = await ScalarAsync(connection, "SELECT max(version) FROM analytics_history WHERE version <= $v;", version, ct).ConfigureAwait(false);
        if (run is null)
        {
            return [];
        }

        await using var command = connection.CreateCommand();
        var where = FilterSql(filter, command);
        if (where is null)
        {
            return [];
        }

        // The column is one of the fixed names above; the index named after it is (version, column DESC), partial on
        // column IS NOT NULL, which the condition repeats so SQLite may use it.
        command.CommandText = $"""
            SELECT {PaperColumns}, h.{column} FROM analytics_history h INDEXED BY analytics_history_{(column == "core_number" ? "core" : column)}
            JOIN paper p ON p.pk = h.paper_pk
            WHERE h.version = $run AND h.{column} IS NOT NULL AND {where} ORDER BY h.{column} DESC, p.id LIMIT $first;
            """;
        command.Parameters.AddWithValue("$run", run.Value);
        command.Parameters.AddWithValue("$first", first);
        return await ReadScoredAsync(command, first, ct).ConfigureAwait(false);
    }

    private static async Task<List<(Paper Paper, double Score)>> CitationsAsOfAsync(
        SqliteConnection connection, int first, PaperFilter filter, long version, CancellationToken ct)
    {
        var bases = await CitationBasesAsync(connection, version, ct).ConfigureAwait(false);
        if (bases is not { } @base)
        {
            return await CitationsByRecountAsync(connection, first, filter, version, ct).ConfigureAwait(false);
        }

        // The citing pairs whose standing may differ between the base run and the version: a row some version between the
        // two wrote (cites.version, schema 17), or a citation removed after the earlier of the two (few: derive's withdrawn
        // inferences; none in a history of loads). Every other pair stood the same at both, so each paper's count is the
        // base's count plus, over its changed pairs, (cites it at the version) - (cited it at the base): no recount.
        await using (var changed = connection.CreateCommand())
        {
            changed.CommandText = $"""
                DROP TABLE IF EXISTS temp.cg_removals;
                CREATE TEMP TABLE cg_removals (src INTEGER NOT NULL, dst INTEGER NOT NULL, ckind TEXT NOT NULL, kind INTEGER NOT NULL,
                    version INTEGER NOT NULL, seq INTEGER NOT NULL);
                INSERT INTO temp.cg_removals
                SELECT s.pk, d.pk, coalesce(json_extract(e.data, '$.kind'), 'explicit'), e.kind, e.version, e.seq
                FROM change_event e JOIN paper s ON s.id = e.paper JOIN paper d ON d.id = e.other
                WHERE e.version > $lo AND e.kind IN (4, 5)
                  AND EXISTS (SELECT 1 FROM change_event r WHERE r.version > $lo AND r.kind = 5)
                  AND (e.paper, e.other) IN (SELECT r.paper, r.other FROM change_event r WHERE r.version > $lo AND r.kind = 5);
                CREATE INDEX temp.cg_removals_key ON cg_removals (src, dst, ckind, seq);

                DROP TABLE IF EXISTS temp.cg_pairs_asof;
                CREATE TEMP TABLE cg_pairs_asof (src INTEGER NOT NULL, dst INTEGER NOT NULL, written INTEGER NOT NULL,
                    PRIMARY KEY (src, dst)) WITHOUT ROWID;
                INSERT OR IGNORE INTO temp.cg_pairs_asof (src, dst, written)
                SELECT src_pk, dst_pk, 1 FROM cites INDEXED BY cites_by_version WHERE version > $lo AND version <= $hi;
                INSERT OR IGNORE INTO temp.cg_pairs_asof (src, dst, written) SELECT src, dst, 0 FROM temp.cg_removals WHERE kind = 5;

                -- A pair with a row written between the two stands at the later one (the row is there and no later than
                -- it), so only the earlier end is asked; a removed pair is asked at both.
                DROP TABLE IF EXISTS temp.cg_affected;
                CREATE TEMP TABLE cg_affected (pk INTEGER PRIMARY KEY, delta INTEGER NOT NULL);
                INSERT INTO temp.cg_affected (pk, delta)
                SELECT dst, SUM(CASE WHEN x.written = 0 THEN {StoodAt("$v")} - {StoodAt("$base")}
                    WHEN $v >= $base THEN 1 - {StoodAt("$base")} ELSE {StoodAt("$v")} - 1 END)
                FROM temp.cg_pairs_asof x GROUP BY dst;
                -- Papers added between the two (a stub that became a paper, a paper that did not exist yet at one of them).
                INSERT OR IGNORE INTO temp.cg_affected (pk, delta)
                SELECT p.pk, 0 FROM change_event e JOIN paper p ON p.id = e.paper WHERE e.version > $lo AND e.version <= $hi AND e.kind = 1;
                """;
            changed.Parameters.AddWithValue("$lo", Math.Min(@base, version));
            changed.Parameters.AddWithValue("$hi", Math.Max(@base, version));
            changed.Parameters.AddWithValue("$v", version);
            changed.Parameters.AddWithValue("$base", @base);
            await changed.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await using var top = connection.CreateCommand();
        var where = FilterSql(filter, top);
        if (where is null)
        {
            return [];
        }

        top.CommandText = $"""
            SELECT {PaperColumns}, h.citations FROM analytics_history h INDEXED BY analytics_history_citations
            JOIN paper p ON p.pk = h.paper_pk
            WHERE h.version = $run AND h.citations IS NOT NULL AND {where} AND h.paper_pk NOT IN (SELECT pk FROM temp.cg_affected)
            ORDER BY h.citations DESC, p.id LIMIT $first;
            """;
        top.Parameters.AddWithValue("$run", @base);
        top.Parameters.AddWithValue("$first", first);
        var papers = await ReadScoredAsync(top, first, ct).ConfigureAwait(false);

        await using var affected = connection.CreateCommand();
        where = FilterSql(filter, affected)!;
        // A paper the base run kept no count for (a stub then, or not there yet) is counted whole, over its rows and removed
        // citations; it is new or was a stub, so it has few.
        affected.CommandText = $"""
            SELECT {PaperColumns}, CASE WHEN h.citations IS NOT NULL THEN h.citations + a.delta ELSE (
                SELECT COUNT(*) FROM (SELECT c.src_pk AS src, c.dst_pk AS dst FROM cites c WHERE c.dst_pk = p.pk
                    UNION SELECT r.src, r.dst FROM temp.cg_removals r WHERE r.dst = p.pk) x WHERE {StoodAt("$v")}) END AS score
            FROM temp.cg_affected a CROSS JOIN paper p ON p.pk = a.pk
            LEFT JOIN analytics_history h ON h.version = $run AND h.paper_pk = a.pk
            WHERE {where} AND NOT EXISTS (SELECT 1 FROM change_event e INDEXED BY change_event_of_paper
                WHERE e.paper = p.id AND e.kind IN (1, 3) AND e.kind = 1 AND e.version > $v)
            ORDER BY score DESC, p.id LIMIT $first;
            """;
        affected.Parameters.AddWithValue("$run", @base);
        affected.Parameters.AddWithValue("$v", version);
        affected.Parameters.AddWithValue("$first", first);
        papers.AddRange(await ReadScoredAsync(affected, first, ct).ConfigureAwait(false));
        return [.. papers.OrderByDescending(p => p.Score).ThenBy(p => p.Paper.Id, StringComparer.Ordinal).Take(first)];
    }

    /// <summary>
    /// Whether the citing pair <c>x</c> (<c>x.src</c> cites <c>x.dst</c>, any kind) stood at the version bound to
    /// <paramref name="parameter"/>: a row of it written at or before that version is still there (a row rewritten since
    /// would carry a later version), or one of its citations' first event after the version is its removal.
    /// </summary>
    private static string StoodAt(string parameter) => $"""
        (EXISTS (SELECT 1 FROM cites c WHERE c.src_pk = x.src AND c.dst_pk = x.dst AND coalesce(c.version, 0) <= {parameter})
         OR EXISTS (SELECT 1 FROM temp.cg_removals r WHERE r.src = x.src AND r.dst = x.dst AND r.kind = 5 AND r.version > {parameter}
            AND r.seq = (SELECT min(m.seq) FROM temp.cg_removals m WHERE m.src = r.src AND m.dst = r.dst AND m.ckind = r.ckind AND m.version > {parameter})))
        """;

    /// <summary>
    /// The analyze run (by its version) whose kept citation counts are closest to <paramref name="version"/>: the fewest
    /// citation events between the two, by the versions' summaries (counted from the log for a version left incomplete).
    /// Null when no run kept counts.
    /// </summary>
    private static async Task<long?> CitationBasesAsync(SqliteConnection connection, long version, CancellationToken ct)
    {
        var runs = new List<long>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT version FROM analytics_run WHERE version IS NOT NULL ORDER BY version;";
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                runs.Add(reader.GetInt64(0));
            }
        }

        if (runs.Count == 0)
        {
            return null;
        }

        var changes = new SortedDictionary<long, long>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT {SqliteVersionLog.VersionColumns} FROM version v WHERE v.number > $lo AND v.number <= $hi;";
            command.Parameters.AddWithValue("$lo", Math.Min(runs[0], version));
            command.Parameters.AddWithValue("$hi", Math.Max(runs[^1], version));
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var v = await SqliteVersionLog.ReadAsync(connection, reader, ct).ConfigureAwait(false);
                changes[v.Number] = (long)v.Summary.CitationsAdded + v.Summary.CitationsRemoved + v.Summary.PapersAdded;
            }
        }

        return runs.MinBy(run => changes.Where(c => c.Key > Math.Min(run, version) && c.Key <= Math.Max(run, version)).Sum(c => c.Value));
    }

    /// <summary>
    /// Citations as of the version counted paper by paper from today's and the citation events after it; papers added after
    /// it left out: stores with no analyze run that kept counts.
    /// </summary>
    private static async Task<List<(Paper Paper, double Score)>> CitationsByRecountAsync(
        SqliteConnection connection, int first, PaperFilter filter, long version, CancellationToken ct)
    {
        await using (var delta = connection.CreateCommand())
        {
            // Every citation event after the version, with the citation's own kind (explicit when its data says nothing).
            delta.CommandText = $"""
                DROP TABLE IF EXISTS temp.cg_delta;
                CREATE TEMP TABLE cg_delta (dst TEXT NOT NULL, src TEXT NOT NULL, ckind TEXT NOT NULL, kind INTEGER NOT NULL, seq INTEGER NOT NULL);
                INSERT INTO temp.cg_delta SELECT other, paper, coalesce(json_extract(data, '$.kind'), 'explicit'), kind, seq FROM change_event
                WHERE version > $v AND kind IN (4, 5);
                -- A row stamped after the version is its citation's addition (schema 19), and the last event of that citation.
                INSERT INTO temp.cg_delta SELECT d.id, s.id, c.kind, 4, 9223372036854775807
                FROM cites c INDEXED BY cites_by_version JOIN paper s ON s.pk = c.src_pk JOIN paper d ON d.pk = c.dst_pk WHERE c.version > $v;
                CREATE INDEX temp.cg_delta_key ON cg_delta (dst, src, ckind, seq);
                """;
            delta.Parameters.AddWithValue("$v", version);
            await delta.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await using var command = connection.CreateCommand();
        var where = FilterSql(filter, command);
        if (where is null)
        {
            return [];
        }

        // A citation (citing paper, cited paper, kind) existed at the version when the first event after it is its removal,
        // or when none is and it exists today. The count is of distinct citing papers, as ranking(CITATIONS) counts today.
        const string Score = """
            (SELECT COUNT(DISTINCT src) FROM (
                SELECT s.id AS src FROM cites c JOIN paper s ON s.pk = c.src_pk WHERE c.dst_pk = p.pk
                   AND NOT EXISTS (SELECT 1 FROM temp.cg_delta d WHERE d.dst = p.id AND d.src = s.id AND d.ckind = c.kind)
                UNION ALL
                SELECT d.src FROM temp.cg_delta d WHERE d.dst = p.id AND d.kind = 5
                   AND d.seq = (SELECT min(e.seq) FROM temp.cg_delta e WHERE e.dst = d.dst AND e.src = d.src AND e.ckind = d.ckind)))
            """;
        command.CommandText = $"""
            SELECT {PaperColumns}, {Score} AS score FROM paper p
            WHERE {where}
              AND NOT EXISTS (SELECT 1 FROM change_event e WHERE e.paper = p.id AND e.kind = 1 AND e.version > $v)
            ORDER BY score DESC, p.id LIMIT $first;
            """;
        command.Parameters.AddWithValue("$first", first);
        command.Parameters.AddWithValue("$v", version);
        return await ReadScoredAsync(command, first, ct).ConfigureAwait(false);
    }

    private static async Task<List<(Paper Paper, double Score)>> ReadScoredAsync(SqliteCommand command, int first, CancellationToken ct)
    {
        var papers = new List<(Paper Paper, double Score)>(first);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            papers.Add((ReadPaper(reader), reader.GetDouble(PaperColumnCount)));
        }

        return papers;
    }

    private static async Task<long?> ScalarAsync(SqliteConnection connection, string sql, long version, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$v", version);
        var value = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
        return value is null or DBNull ? null : (long)value;
    }
}
