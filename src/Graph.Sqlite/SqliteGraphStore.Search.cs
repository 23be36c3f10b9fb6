using CiteGraph.Graph.Model;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

public sealed partial class SqliteGraphStore
{
    /// <summary>
    /// The page of a search: the ranked (pk, rank) rows of a <c>page</c> CTE joined to their papers, with the snippet
    /// computed for those rows only (snippet() re-reads and re-tokenizes the text, so it must not run per match).
    /// </summary>
    private const string SearchPageSelect = $"""
        SELECT {PaperColumns}, -page.rank, snippet(paper_fts, -1, '[', ']', '…', 16)
        FROM page CROSS JOIN paper_fts ON paper_fts.rowid = page.pk JOIN paper p ON p.pk = page.pk
        WHERE paper_fts MATCH $q
        ORDER BY page.rank, page.pk;
        """;

    // Fast path: rank inside the full-text index alone (bm25 reads only index data) and keep a bounded candidate list,
    // then drop stubs among the candidates. Reading the paper row of every match to test is_stub was most of the cost
    // of a common word (16K row reads for ~7 ms of ranking). Exact whenever the candidates hold `first` non-stubs.
    private const string SearchCandidatesSql = $"""
        WITH cand AS MATERIALIZED (
            SELECT rowid AS pk, bm25(paper_fts, 10.0, 1.0) AS rank FROM paper_fts
            WHERE paper_fts MATCH $q ORDER BY rank, rowid LIMIT $candidates),
        page AS MATERIALIZED (
            SELECT cand.pk, cand.rank FROM cand JOIN paper s ON s.pk = cand.pk
            WHERE s.is_stub = 0 ORDER BY cand.rank, cand.pk LIMIT $first)
        {SearchPageSelect}
        """;

    // Exact path, used when the candidates ran out of non-stubs: every match ranked with its stub flag.
    private const string SearchAllSql = $"""
        WITH page AS MATERIALIZED (
            SELECT paper_fts.rowid AS pk, bm25(paper_fts, 10.0, 1.0) AS rank
            FROM paper_fts JOIN paper s ON s.pk = paper_fts.rowid
            WHERE paper_fts MATCH $q AND s.is_stub = 0
            ORDER BY rank, paper_fts.rowid LIMIT $first)
        {SearchPageSelect}
        """;

    /// <inheritdoc />
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int first, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        var fts = FtsQuery.FromText(text);
        if (fts is null)
        {
            return [];
        }

        // Title matches weigh ten times abstract matches; bm25 is lower-is-better, so the score is negated.
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var candidates = (first * 2) + 32;
        var hits = await ReadHitsAsync(connection, SearchCandidatesSql, fts, first, candidates, cancellationToken).ConfigureAwait(false);
        if (hits.Count == first)
        {
            return hits;
        }

        // Fewer than `first` non-stubs among the candidates: either there are no more matches (the answer is complete)
        // or stubs crowded the candidates out; only the second case needs the exact query, but telling them apart costs
        // a count, so run the exact query, which is cheap when matches are few.
        return await ReadHitsAsync(connection, SearchAllSql, fts, first, null, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<SearchHit>> ReadHitsAsync(
        SqliteConnection connection, string sql, string fts, int first, int? candidates, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$q", fts);
        command.Parameters.AddWithValue("$first", first);
        if (candidates is { } c)
        {
            command.Parameters.AddWithValue("$candidates", c);
        }

        var hits = new List<SearchHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            hits.Add(new SearchHit(ReadPaper(reader), reader.GetDouble(PaperColumnCount), reader.GetString(PaperColumnCount + 1)));
        }

        return hits;
    }
}
