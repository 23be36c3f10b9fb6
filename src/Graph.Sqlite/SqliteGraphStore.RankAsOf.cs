using CiteGraph.Graph.Model;
using CiteGraph.Graph.Snapshot;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// <c>ranking(asOf:)</c>. Kept scores (PageRank, betweenness, core) are read from the last analyze run at or before the
/// version through its (version, score) index: the first rows of one run's range, never a sort of the run. Citations walk
/// from the nearest counts known whole (SqliteGraphStore.CitationsAsOf.cs); stores with none count every paper.
/// </summary>
public sealed partial class SqliteGraphStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<RankedPaper>> RankAsOfAsync(
        RankingMetric metric, int first, PaperFilter filter, long version, CancellationToken cancellationToken = default) =>
        RankAsOfAsync(metric, first, filter, version, counts: null, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<RankedPaper>> RankAsOfAsync(
        RankingMetric metric, int first, PaperFilter filter, long version, CitationCountsAt? counts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var papers = metric switch
        {
            RankingMetric.Citations => await CitationsAsOfAsync(connection, first, filter, version, counts, cancellationToken).ConfigureAwait(false),
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

    /// <summary>
    /// Citations as of the version counted paper by paper from today's and the citation events after it; papers added after
    /// it left out: stores with no analyze run that kept counts.
    /// </summary>
    private static async Task<List<(Paper Paper, double Score)>> CitationsByRecountAsync(
        SqliteConnection connection, int first, PaperFilter filter, long version, CancellationToken ct)
    {
        await using (var delta = connection.CreateCommand())
        {
            // Every citation event after the version, with the citation's own kind as the rows store it (explicit when its data
            // says nothing).
            delta.CommandText = $"""
                DROP TABLE IF EXISTS temp.cg_delta;
                CREATE TEMP TABLE cg_delta (dst TEXT NOT NULL, src TEXT NOT NULL, ckind INTEGER NOT NULL, kind INTEGER NOT NULL, seq INTEGER NOT NULL);
                INSERT INTO temp.cg_delta SELECT other, paper, coalesce(json_extract(data, '$.kind'), 'explicit') = 'inferred', kind, seq FROM change_event
                WHERE version > $v AND kind IN (4, 5);
                -- A row stamped after the version is its citation's addition (schema 19), and the last event of that citation.
                INSERT INTO temp.cg_delta SELECT d.id, s.id, c.kind, 4, 9223372036854775807
                FROM cites c JOIN paper s ON s.pk = c.src_pk JOIN paper d ON d.pk = c.dst_pk WHERE c.version > $v;
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
