using CiteGraph.Graph.Model;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

public sealed partial class SqliteGraphStore
{
    /// <summary>
    /// The page of a search: candidate rowids in rank order (a JSON array, <c>$pks</c>), stubs dropped, the first
    /// <c>$first</c> kept, then joined to their papers with the snippet computed for those rows only (snippet() re-reads
    /// and re-tokenizes the text, so it must not run per match). The score is attached in code: a double does not survive
    /// a trip through JSON text bit for bit.
    /// </summary>
    private const string SearchPageSql = $"""
        WITH cand AS (SELECT CAST(value AS INTEGER) AS pk, CAST(key AS INTEGER) AS ord FROM json_each($pks)),
        page AS MATERIALIZED (
            SELECT cand.pk, cand.ord FROM cand JOIN paper s ON s.pk = cand.pk
            WHERE s.is_stub = 0 ORDER BY cand.ord LIMIT $first)
        SELECT {PaperColumns}, snippet(paper_fts, -1, '[', ']', '…', 16)
        FROM page CROSS JOIN paper_fts ON paper_fts.rowid = page.pk JOIN paper p ON p.pk = page.pk
        WHERE paper_fts MATCH $q
        ORDER BY page.ord;
        """;

    // The statements search ran before the per-word lists, for a word whose list is not in memory yet. Ranking inside
    // FTS5 alone (bm25 reads only index data), a bounded candidate list, stubs dropped among the candidates; exact
    // whenever the candidates hold `first` non-stubs, else the second statement ranks every match with its stub flag.
    private const string SearchCandidatesSql = """
        WITH cand AS MATERIALIZED (
            SELECT rowid AS pk, bm25(paper_fts, 10.0, 1.0) AS rank FROM paper_fts
            WHERE paper_fts MATCH $q ORDER BY rank, rowid LIMIT $candidates),
        page AS MATERIALIZED (
            SELECT cand.pk, cand.rank FROM cand JOIN paper s ON s.pk = cand.pk
            WHERE s.is_stub = 0 ORDER BY cand.rank, cand.pk LIMIT $first)
        SELECT page.pk, page.rank FROM page ORDER BY page.rank, page.pk;
        """;

    private const string SearchAllSql = """
        SELECT paper_fts.rowid, bm25(paper_fts, 10.0, 1.0) AS rank
        FROM paper_fts JOIN paper s ON s.pk = paper_fts.rowid
        WHERE paper_fts MATCH $q AND s.is_stub = 0
        ORDER BY rank, paper_fts.rowid LIMIT $first;
        """;

    private SearchPostings? _postings;

    private SearchPostings Postings => LazyInitializer.EnsureInitialized(ref _postings, () => new SearchPostings(OpenAsync));

    /// <summary>How many single-phrase lists were computed from the full-text index so far (the rest came from memory).</summary>
    internal long SearchListBuilds => Postings.Builds;

    /// <summary>Completes when no list is being built in the background; for tests.</summary>
    internal Task SearchListsIdleAsync(CancellationToken cancellationToken) => Postings.IdleAsync(cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Ranked as FTS5's <c>bm25(paper_fts, 10.0, 1.0)</c> (title matches weigh ten times abstract matches) over every
    /// match, best first, ties by load order; but instead of FTS5 computing bm25 for each match of the query, each word's
    /// ranked matches are computed once per version of the index and kept (<see cref="SearchPostings"/>), and a search
    /// intersects them and keeps the best in a bounded heap.
    /// </remarks>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int first, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        var phrases = FtsQuery.Phrases(text);
        if (phrases.Count == 0)
        {
            return [];
        }

        var fts = string.Join(' ', phrases);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // One read transaction (deferred: it takes no write lock): the index version, the lists and the page rows all see
        // the same commit.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var lists = await Postings.TryListsAsync(transaction, phrases, cancellationToken).ConfigureAwait(false);
        var candidates = (first * 2) + 32; // a few more than the page, for stubs among them (in the index, not in answers)
        if (lists is null)
        {
            // A word's list is still being built: FTS5 ranks this query's matches, as search always did.
            var ranked = await RankInIndexAsync(transaction, SearchCandidatesSql, fts, first, candidates, cancellationToken).ConfigureAwait(false);
            if (ranked.Length < first)
            {
                ranked = await RankInIndexAsync(transaction, SearchAllSql, fts, first, null, cancellationToken).ConfigureAwait(false);
            }

            return await ReadPageAsync(transaction, fts, ranked, first, cancellationToken).ConfigureAwait(false);
        }

        var top = RankedIntersection.Top(lists, candidates, out var matches);
        var hits = await ReadPageAsync(transaction, fts, top, first, cancellationToken).ConfigureAwait(false);
        if (hits.Count < first && top.Length < matches)
        {
            // Stubs crowded the candidates out: rank every match.
            top = RankedIntersection.Top(lists, matches, out _);
            hits = await ReadPageAsync(transaction, fts, top, first, cancellationToken).ConfigureAwait(false);
        }

        return hits;
    }

    /// <summary>The (rowid, bm25) of a page of non-stub matches, ranked by FTS5 itself.</summary>
    private static async Task<(long Pk, double Rank)[]> RankInIndexAsync(
        SqliteTransaction transaction, string sql, string fts, int first, int? candidates, CancellationToken cancellationToken)
    {
        await using var command = transaction.Command(sql);
        command.Parameters.AddWithValue("$q", fts);
        command.Parameters.AddWithValue("$first", first);
        if (candidates is { } c)
        {
            command.Parameters.AddWithValue("$candidates", c);
        }

        var ranked = new List<(long, double)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ranked.Add((reader.GetInt64(0), reader.GetDouble(1)));
        }

        return [.. ranked];
    }

    private static async Task<List<SearchHit>> ReadPageAsync(
        SqliteTransaction transaction, string fts, (long Pk, double Rank)[] candidates, int first, CancellationToken cancellationToken)
    {
        var hits = new List<SearchHit>();
        if (candidates.Length == 0)
        {
            return hits;
        }

        var ranks = new Dictionary<long, double>(candidates.Length);
        foreach (var (pk, rank) in candidates)
        {
            ranks[pk] = rank;
        }

        await using var command = transaction.Command(SearchPageSql);
        command.Parameters.AddWithValue("$q", fts);
        command.Parameters.AddWithValue("$first", first);
        command.Parameters.AddWithValue("$pks", "[" + string.Join(',', candidates.Select(c => c.Pk)) + "]");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // bm25 is lower-is-better, so the score is negated.
            hits.Add(new SearchHit(ReadPaper(reader), -ranks[reader.GetInt64(0)], reader.GetString(PaperColumnCount)));
        }

        return hits;
    }
}
