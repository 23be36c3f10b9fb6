using System.Globalization;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Storage.Versions;
using CiteGraph.Loaders.Derive;
using CiteGraph.Loaders.Generation;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Tests;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Loaders.Tests.Versions;

/// <summary>
/// CITATION_ADDED read from the citation rows (schema 19) answers as the stored events did: the same history written once
/// the way schema 18 logged it (an event row per citation) and migrated, and once through today's writers, gives the same
/// citation rows, the same version summaries and the same feed in the same order, page by page; and the feed read now holds
/// the same events, version by version, as the schema-18 log itself. A cursor resumes where it was taken, even when the
/// citation under it is removed before the next page.
/// </summary>
public sealed class CitationEventsFromRowsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_store_logged_as_schema_18_and_migrated_gives_the_feed_of_a_store_written_today()
    {
        var inputs = Inputs();
        var legacyPath = _dir.File("schema18.db");
        var todayPath = _dir.File("today.db");
        await using (var legacy = new SqliteGraphStore(new SqliteStoreOptions { Path = legacyPath }) { SchemaCeiling = 18 })
        {
            await WriteHistoryAsync(legacy, inputs);
        }

        var logged = await Schema18LogAsync(legacyPath);
        Assert.Contains(logged, e => e.Kind == ChangeKind.CitationRemoved);
        Assert.Contains(logged, e => e.Kind == ChangeKind.CitationAdded && e.Data is not null);
        await using (var today = new SqliteGraphStore(new SqliteStoreOptions { Path = todayPath }))
        {
            await WriteHistoryAsync(today, inputs);
        }

        await using var migrated = new SqliteGraphStore(new SqliteStoreOptions { Path = legacyPath });
        await migrated.InitializeAsync(Ct);
        await using var fresh = new SqliteGraphStore(new SqliteStoreOptions { Path = todayPath });
        await fresh.InitializeAsync(Ct);

        Assert.Equal(await RowsAsync(todayPath, "SELECT src_pk, dst_pk, kind, confidence, evidence, version FROM cites ORDER BY 1, 2, 3"),
            await RowsAsync(legacyPath, "SELECT src_pk, dst_pk, kind, confidence, evidence, version FROM cites ORDER BY 1, 2, 3"));
        Assert.Equal((await fresh.ReadVersionsAsync(0, 100, Ct)).Select(v => (v.Number, v.Kind, v.Summary)),
            (await migrated.ReadVersionsAsync(0, 100, Ct)).Select(v => (v.Number, v.Kind, v.Summary)));
        // The migration kept only what rows cannot say: an addition for each citation removed since, or moved by a stub's
        // absorption (a marker each), and no more.
        var kept = int.Parse(await ScalarAsync(legacyPath, "SELECT COUNT(*) FROM change_event WHERE kind = 4"), CultureInfo.InvariantCulture);
        var moved = int.Parse(await ScalarAsync(legacyPath, "SELECT COUNT(*) FROM change_event WHERE kind = 7"), CultureInfo.InvariantCulture);
        Assert.True(moved > 0, "the DOI edge list's stubs were absorbed");
        Assert.Equal(logged.Count(e => e.Kind == ChangeKind.CitationRemoved) + moved, kept);
        Assert.True(kept * 3 < logged.Count(e => e.Kind == ChangeKind.CitationAdded), $"{kept} stored additions kept");

        var fromMigrated = await FeedAsync(migrated, 0, 7);
        var fromToday = await FeedAsync(fresh, 0, 7);
        // The same events; today's in commit order (each transaction's events together), the migrated history's grouped by
        // version (it kept no record of its transactions: schema 22 reads each old version as one batch).
        Assert.Equal(ByVersion(fromToday), ByVersion(fromMigrated));
        Assert.Equal(fromToday.Select(Content), (await FeedAsync(fresh, 0, 1_000)).Select(Content));
        Assert.Equal(fromToday.Select(Content), (await FeedAsync(fresh, 0, 1)).Select(Content).ToList());
        Assert.Equal(fromMigrated.Select(Content), (await FeedAsync(migrated, 0, 1)).Select(Content).ToList());
        Assert.Equal(fromToday.Count, fromToday.Select(e => e.Cursor).Distinct().Count());
        await AssertSequenceCursorsResumeAsync(fresh, fromToday);
        await AssertSequenceCursorsResumeAsync(migrated, fromMigrated);

        // Citation counts as of each version (no analyze run kept counts: recounted from the rows and the log) are the feed's
        // additions and removals replayed up to it.
        foreach (var v in await fresh.ReadVersionsAsync(0, 100, Ct))
        {
            var standing = new HashSet<(string, string, string?)>();
            foreach (var e in fromToday.Where(e => e.Version <= v.Number && e.Kind is ChangeKind.CitationAdded or ChangeKind.CitationRemoved))
            {
                var key = (e.PaperId, e.OtherPaperId!, e.Get("kind") ?? "explicit");
                _ = e.Kind == ChangeKind.CitationAdded ? standing.Add(key) : standing.Remove(key);
            }

            var ranked = await fresh.RankAsOfAsync(RankingMetric.Citations, 10, new PaperFilter(), v.Number, Ct);
            Assert.NotEmpty(ranked);
            Assert.All(ranked, r => Assert.Equal(standing.Where(c => c.Item2 == r.Paper.Id).Select(c => c.Item1).Distinct().Count(), (int)r.Score));
        }

        // Version by version, the same events as the schema-18 log held (there in the order its triggers fired).
        Assert.Equal(ByVersion(logged), ByVersion(fromToday));
        var since = logged[logged.Count / 2].Version;
        Assert.Equal(ByVersion(logged.Where(e => e.Version > since).ToList()), ByVersion(await FeedAsync(fresh, since, 50)));
    }

    [Fact]
    public async Task A_store_with_the_kind_as_a_word_migrated_to_integers_answers_as_a_store_written_today()
    {
        var inputs = Inputs();
        var oldPath = _dir.File("kind-words.db");
        var todayPath = _dir.File("kind-integers.db");
        foreach (var path in new[] { oldPath, todayPath })
        {
            await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
            await WriteHistoryAsync(store, inputs);
        }

        // The same file as schema 22 left it: cites as migrations 0001-0022 made it, the kind spelled out.
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = oldPath, Pooling = false }.ToString()))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE cites_words (
                    src_pk INTEGER NOT NULL REFERENCES paper (pk) ON DELETE CASCADE, dst_pk INTEGER NOT NULL REFERENCES paper (pk) ON DELETE CASCADE,
                    kind TEXT NOT NULL CHECK (kind IN ('explicit', 'inferred')), confidence REAL NOT NULL DEFAULT 1.0, evidence TEXT,
                    source_pk INTEGER REFERENCES source_file (pk), source_line INTEGER, version INTEGER, batch INTEGER,
                    PRIMARY KEY (src_pk, dst_pk, kind)) WITHOUT ROWID;
                INSERT INTO cites_words SELECT src_pk, dst_pk, CASE kind WHEN 1 THEN 'inferred' ELSE 'explicit' END, confidence, evidence,
                    source_pk, source_line, version, batch FROM cites;
                DROP TABLE cites;
                ALTER TABLE cites_words RENAME TO cites;
                CREATE INDEX cites_dst ON cites (dst_pk);
                CREATE INDEX cites_by_version ON cites (version, batch) WHERE version IS NOT NULL;
                PRAGMA user_version = 22;
                """;
            await command.ExecuteNonQueryAsync(Ct);
        }

        Assert.Equal("0", await ScalarAsync(oldPath, "SELECT COUNT(*) FROM cites WHERE typeof(kind) <> 'text'"));
        Assert.NotEqual("0", await ScalarAsync(oldPath, "SELECT COUNT(*) FROM cites WHERE kind = 'inferred'"));
        await using var migrated = new SqliteGraphStore(new SqliteStoreOptions { Path = oldPath });
        await migrated.InitializeAsync(Ct);
        await using var today = new SqliteGraphStore(new SqliteStoreOptions { Path = todayPath });
        await today.InitializeAsync(Ct);

        const string Rows = "SELECT src_pk, dst_pk, kind, typeof(kind), confidence, evidence, source_pk, source_line, version, batch FROM cites ORDER BY 1, 2, 3";
        Assert.Equal(await RowsAsync(todayPath, Rows), await RowsAsync(oldPath, Rows));
        const string Indexes = "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'cites' AND type = 'index' AND sql IS NOT NULL ORDER BY name";
        Assert.Equal(await RowsAsync(todayPath, Indexes), await RowsAsync(oldPath, Indexes));

        // What every reader of the kind answers: the feed (page by page), the graph, a paper's citations of each kind,
        // counts as of each version, the snapshot's inferred citations.
        Assert.Equal((await FeedAsync(today, 0, 7)).Select(Content), (await FeedAsync(migrated, 0, 7)).Select(Content));
        var (graphToday, graphMigrated) = (await today.ReadCitationGraphAsync(CitationKind.Inferred, cancellationToken: Ct), await migrated.ReadCitationGraphAsync(CitationKind.Inferred, cancellationToken: Ct));
        Assert.Equal(graphToday.Sources, graphMigrated.Sources);
        Assert.Equal(graphToday.Targets, graphMigrated.Targets);
        foreach (var id in await RowsAsync(todayPath, "SELECT d.id FROM cites c JOIN paper d ON d.pk = c.dst_pk GROUP BY d.id ORDER BY count(*) DESC, d.id LIMIT 5"))
        {
            foreach (var kind in new CitationKind?[] { null, CitationKind.Explicit, CitationKind.Inferred })
            {
                var query = new CitationQuery(id, CitationDirection.CitedBy, First: 50, Kind: kind);
                var (a, b) = (await today.GetCitationsAsync(query, Ct), await migrated.GetCitationsAsync(query, Ct));
                Assert.Equal(a.TotalCount, b.TotalCount);
                Assert.Equal(a.Items.Select(l => (l.Paper.Id, l.Kind, l.Confidence, l.Evidence)), b.Items.Select(l => (l.Paper.Id, l.Kind, l.Confidence, l.Evidence)));
            }
        }

        foreach (var v in await today.ReadVersionsAsync(0, 100, Ct))
        {
            var ranked = await today.RankAsOfAsync(RankingMetric.Citations, 10, new PaperFilter(), v.Number, Ct);
            Assert.Equal(ranked.Select(r => (r.Paper.Id, r.Score)), (await migrated.RankAsOfAsync(RankingMetric.Citations, 10, new PaperFilter(), v.Number, Ct)).Select(r => (r.Paper.Id, r.Score)));
        }
    }

    [Fact]
    public async Task A_cursor_taken_inside_a_versions_citations_resumes_there_after_the_citation_under_it_is_removed()
    {
        var path = _dir.File("cursor.db");
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        await WriteHistoryAsync(store, Inputs());
        var inferred = await InferredAsync(path);
        Assert.True(inferred.Count >= 6, $"{inferred.Count} inferred citations");
        var version = await store.ReadVersionsAsync(0, 100, Ct);
        // The derive that wrote most inferred rows: its page holds stored events, then its rows.
        var target = long.Parse(await ScalarAsync(path,
            "SELECT version FROM cites WHERE kind = 1 GROUP BY version ORDER BY COUNT(*) DESC, version LIMIT 1"), CultureInfo.InvariantCulture);
        var since = version.Last(v => v.Number < target).Number;
        var whole = await FeedAsync(store, since, 1_000);
        var firstRow = whole.FindIndex(e => e.Sequence >= (1L << 62) && e.Version == target);
        Assert.True(firstRow >= 0);
        var page = await store.ReadChangesAsync(since, ChangeCursor.Start, firstRow + 3, Ct);
        Assert.True(page.HasNextPage);
        var cursor = page.Events[^1];
        Assert.Equal(ChangeKind.CitationAdded, cursor.Kind);
        Assert.True(cursor.Sequence >= 1L << 62, "the page ends on an event read from a row");

        // The citation under the cursor and another of the same version go before the next page is read.
        var later = whole.Skip(firstRow + 3).First(e => e.Version == target && e.Sequence >= 1L << 62 && e.Data!.Contains("inferred", StringComparison.Ordinal));
        await store.ReplaceInferredCitationsAsync(
            [.. inferred.Where(c => !(c.From == cursor.PaperId && c.To == cursor.OtherPaperId) && !(c.From == later.PaperId && c.To == later.OtherPaperId))], Ct);

        var rest = await FeedAsync(store, since, 4, cursor.Cursor);
        var now = await FeedAsync(store, since, 1_000);
        // Nothing twice, nothing lost: the removed citations' additions are still in their version (stored now), once.
        var read = page.Events.Concat(rest).ToList();
        Assert.Equal(read.Count, read.Select(Content).Distinct().Count());
        Assert.Equal(now.Select(Content).Order(StringComparer.Ordinal), read.Select(Content).Order(StringComparer.Ordinal));
        var removal = (await store.ReadVersionsAsync(0, 100, Ct))[^1].Number;
        Assert.Equal(2, rest.Count(e => e.Kind == ChangeKind.CitationRemoved && e.Version == removal));
        Assert.Contains(rest, e => e.Kind == ChangeKind.CitationAdded && e.PaperId == later.PaperId && e.OtherPaperId == later.OtherPaperId && e.Version == target);
    }

    /// <summary>Corpus parts and a DOI edge list naming papers of a later part (stubs absorbed when their records come).</summary>
    private (string A, string Dois, string B, string C) Inputs()
    {
        var lines = SyntheticCorpus.Lines(new GeneratorOptions { Papers = 420, RefsPerPaper = 4, Seed = 29 }).ToArray();
        var dois = Enumerable.Range(300, 100).Select(i => $"10.5555/synthetic.{i + 1}").Where(d => lines.Any(l => l.Contains(d, StringComparison.Ordinal))).ToList();
        var edges = string.Join('\n', dois.Zip(dois.Skip(1)).Take(12).Select(p => $"{p.Second}\t{p.First}"));
        return (_dir.Write("a.jsonl", string.Join('\n', lines[..300])), _dir.Write("refs.tsv", "citing_doi\tcited_doi\n" + edges),
            _dir.Write("b.jsonl", string.Join('\n', lines[300..400])), _dir.Write("c.jsonl", string.Join('\n', lines[400..])));
    }

    /// <summary>
    /// The same history for both stores: loads each followed by the derive stage (full, then full over a grown corpus, then
    /// incremental), an edge list of DOIs whose cited papers arrive later, an ingest of citations outside any run, and an
    /// inferred citation removed and written again.
    /// </summary>
    private static async Task WriteHistoryAsync(SqliteGraphStore store, (string A, string Dois, string B, string C) inputs)
    {
        var options = new DeriveOptions { Embed = false };
        async Task LoadAsync(string path) =>
            await DeriveStage.AfterLoadAsync(store, await new Ingestor(store).LoadAsync([InputFile.FromPath(path)], cancellationToken: Ct), options, cancellationToken: Ct);

        await LoadAsync(inputs.A);
        await LoadAsync(inputs.Dois);
        await LoadAsync(inputs.B);
        var inferred = await InferredAsync(store.DatabasePath);
        var ids = await RowsAsync(store.DatabasePath, "SELECT id FROM paper WHERE is_stub = 0 ORDER BY pk LIMIT 3");
        await store.UpsertCitationsAsync(
            [new Citation(ids[2], ids[0], CitationKind.Explicit), new Citation(ids[1], ids[0], CitationKind.Inferred, 0.42, "ingested: test")], Ct);
        await store.ReplaceInferredCitationsAsync([.. inferred.Skip(1)], Ct);
        await store.ReplaceInferredCitationsAsync(inferred, Ct);
        await LoadAsync(inputs.C);
    }

    private static async Task<List<Citation>> InferredAsync(string path)
    {
        var rows = await RowsAsync(path, """
            SELECT s.id || char(9) || d.id || char(9) || c.confidence || char(9) || coalesce(c.evidence, '')
            FROM cites c JOIN paper s ON s.pk = c.src_pk JOIN paper d ON d.pk = c.dst_pk WHERE c.kind IN (1, 'inferred') ORDER BY c.src_pk, c.dst_pk
            """);
        return [.. rows.Select(r => r.Split('\t')).Select(f => new Citation(f[0], f[1], CitationKind.Inferred,
            double.Parse(f[2], CultureInfo.InvariantCulture), f[3].Length == 0 ? null : f[3]))];
    }

    private static async Task<List<ChangeEvent>> FeedAsync(SqliteGraphStore store, long since, int page, ChangeCursor after = default)
    {
        var events = new List<ChangeEvent>();
        while (true)
        {
            var read = await store.ReadChangesAsync(since, after, page, Ct);
            events.AddRange(read.Events);
            if (!read.HasNextPage)
            {
                return events;
            }

            after = read.Events[^1].Cursor;
        }
    }

    /// <summary>
    /// A cursor from before batches (its sequence alone, as <c>cg1:</c> GraphQL cursors carry) resumes where the same event's
    /// cursor with its batch does, for every event whose sequence names it alone.
    /// </summary>
    private static async Task AssertSequenceCursorsResumeAsync(SqliteGraphStore store, List<ChangeEvent> feed)
    {
        var unique = feed.GroupBy(e => e.Sequence).Where(g => g.Count() == 1).Select(g => g.Single()).ToList();
        Assert.True(unique.Count > feed.Count / 2, $"{unique.Count} of {feed.Count} events have a sequence of their own");
        foreach (var e in unique.Where((_, i) => i % 17 == 0))
        {
            var withBatch = await store.ReadChangesAsync(0, e.Cursor, 3, Ct);
            var sequenceOnly = await store.ReadChangesAsync(0, new ChangeCursor(0, e.Sequence), 3, Ct);
            Assert.Equal(withBatch.Events.Select(Content), sequenceOnly.Events.Select(Content));
            Assert.Equal(feed.SkipWhile(x => x != e).Skip(1).Take(3).Select(Content), withBatch.Events.Select(Content));
        }
    }

    /// <summary>The events schema 18 stored, in the order it read them (by sequence), before any migration.</summary>
    private static async Task<List<ChangeEvent>> Schema18LogAsync(string path)
    {
        Assert.Equal("18", await ScalarAsync(path, "PRAGMA user_version"));
        await using var connection = await OpenAsync(path);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, version, kind, paper, other, data FROM change_event ORDER BY seq;";
        var events = new List<ChangeEvent>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            events.Add(new ChangeEvent(reader.GetInt64(0), reader.GetInt64(1), (ChangeKind)reader.GetInt32(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return events;
    }

    private static string Content(ChangeEvent e) => $"{e.Version}|{e.Kind}|{e.PaperId}|{e.OtherPaperId}|{e.Data}";

    private static List<string> ByVersion(IReadOnlyList<ChangeEvent> events) =>
        [.. events.Select(Content).Order(StringComparer.Ordinal)];

    private static async Task<SqliteConnection> OpenAsync(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task<string> ScalarAsync(string path, string sql) => (await RowsAsync(path, sql)).Single();

    private static async Task<List<string>> RowsAsync(string path, string sql)
    {
        await using var connection = await OpenAsync(path);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }
}
