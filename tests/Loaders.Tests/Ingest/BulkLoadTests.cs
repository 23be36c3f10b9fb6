using System.Text;
using System.Text.Json;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Storage.Versions;
using CiteGraph.Loaders.Generation;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Loaders.Tests.Support;
using CiteGraph.Tests;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Loaders.Tests.Ingest;

/// <summary>
/// The set-based writer for new papers and the bulk load that defers the citation-target index must store exactly the
/// facts the one-record-at-a-time path stores, stubs and their later merging included.
/// </summary>
public class BulkLoadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// The generated corpus written newest first: every reference names a paper that arrives later, so the load creates
    /// stubs and merges each into its paper when it arrives — the hard case for a writer that assigns keys itself.
    /// </summary>
    private static async Task<InputFile> ForwardReferencesAsync(TempDirectory temp, int papers)
    {
        var lines = SyntheticCorpus.Lines(new GeneratorOptions { Papers = papers, RefsPerPaper = 6, Seed = 5 }).Reverse();
        var path = temp.File("forward.jsonl");
        await File.WriteAllLinesAsync(path, lines, Ct);
        return InputFile.FromPath(path);
    }

    private static async Task<LoadReport> LoadAsync(string db, InputFile input, int batchSize, bool bulk)
    {
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = db });
        return await new Ingestor(store, new IngestOptions { BatchSize = batchSize, Bulk = bulk })
            .LoadAsync([input], cancellationToken: Ct);
    }

    [Fact]
    public async Task Bulk_load_in_large_batches_stores_the_same_facts_as_one_record_per_batch()
    {
        using var temp = new TempDirectory();
        var input = await ForwardReferencesAsync(temp, 400);

        var oneByOne = await LoadAsync(temp.File("one.db"), input, batchSize: 1, bulk: false);
        var bulk = await LoadAsync(temp.File("bulk.db"), input, batchSize: 150, bulk: true);

        Assert.Equal(400, oneByOne.New);
        Assert.Equal(oneByOne.New, bulk.New);
        Assert.Null(oneByOne.Indexing);
        Assert.InRange(bulk.Indexing!.Value, TimeSpan.Zero, bulk.Elapsed);
        Assert.True(await StoreDump.ScalarAsync(temp.File("bulk.db"), "SELECT count(*) FROM cites") > 1000);
        Assert.Equal(0, await StoreDump.ScalarAsync(temp.File("bulk.db"), "SELECT count(*) FROM paper WHERE is_stub = 1"));
        Assert.Equal(await FactsAsync(temp.File("one.db")), await FactsAsync(temp.File("bulk.db")));
    }

    [Fact]
    public async Task Bulk_load_gives_back_the_citation_target_index_and_leaves_no_dangling_keys()
    {
        using var temp = new TempDirectory();
        var input = await ForwardReferencesAsync(temp, 200);
        await using (var fresh = new SqliteGraphStore(new SqliteStoreOptions { Path = temp.File("fresh.db") }))
        {
            await fresh.InitializeAsync(Ct);
        }

        await LoadAsync(temp.File("bulk.db"), input, batchSize: 64, bulk: true);

        Assert.Equal(await StoreDump.SchemaAsync(temp.File("fresh.db")), await StoreDump.SchemaAsync(temp.File("bulk.db")));
        Assert.Equal(0, await StoreDump.ScalarAsync(temp.File("bulk.db"), "SELECT count(*) FROM pragma_foreign_key_check"));
        Assert.Equal("ok", await TextAsync(temp.File("bulk.db"), "PRAGMA integrity_check"));
    }

    [Fact]
    public async Task Bulk_load_indexes_every_new_paper_for_search_at_its_end_and_not_before()
    {
        using var temp = new TempDirectory();
        var db = temp.File("g.db");
        var input = await ForwardReferencesAsync(temp, 120);
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = db });
        await store.InitializeAsync(Ct);
        await new Ingestor(store).LoadAsync([TestFiles.Fixture("openalex/works.jsonl")], cancellationToken: Ct);
        var before = await store.SearchAsync("Sparse Lanterns", 10, Ct);
        Assert.NotEmpty(before);

        var scope = await store.BeginBulkLoadAsync(Ct);
        await new Ingestor(store, new IngestOptions { Bulk = false }).LoadAsync([input], cancellationToken: Ct);
        var title = await FirstGeneratedTitleAsync(db);
        Assert.Empty(await store.SearchAsync(title, 10, Ct)); // not yet: the load has not ended
        Assert.Equal(before.Count, (await store.SearchAsync("Sparse Lanterns", 10, Ct)).Count);
        await scope.DisposeAsync();

        Assert.Contains(await store.SearchAsync(title, 10, Ct), hit => hit.Paper.Title == title);
        Assert.Equal("ok", await StoreDump.SearchIndexCheckAsync(db));
    }

    [Fact]
    public async Task While_a_bulk_load_has_its_indexes_dropped_papers_rankings_versions_and_the_feed_as_of_a_version_still_answer()
    {
        using var temp = new TempDirectory();
        var db = temp.File("g.db");
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = db });
        await store.InitializeAsync(Ct);
        var first = await new Ingestor(store).LoadAsync([TestFiles.Fixture("openalex/works.jsonl")], cancellationToken: Ct);
        await new Ingestor(store).LoadAsync([await ForwardReferencesAsync(temp, 60)], cancellationToken: Ct);
        var v1 = first.Version!.Value;
        var older = (await TextAsync(db, "SELECT id FROM paper WHERE is_stub = 0 ORDER BY pk LIMIT 1"))!;
        var newer = (await TextAsync(db, "SELECT id FROM paper WHERE is_stub = 0 ORDER BY pk DESC LIMIT 1"))!;
        async Task<string> AnswersAsync() =>
            $"{(await store.FindPaperAsOfAsync(older, v1, Ct))?.Title} | {(await store.FindPaperAsOfAsync(newer, v1, Ct))?.Title ?? "none"} | "
            + string.Join(", ", (await store.RankAsOfAsync(RankingMetric.Citations, 50, new PaperFilter(), v1, Ct)).Select(r => $"{r.Paper.Id}:{r.Score}"))
            + " | " + string.Join(", ", (await store.ReadVersionsAsync(0, 10, Ct)).Select(v => $"{v.Number}:{v.Summary}"))
            + " | " + string.Join(", ", (await store.ReadChangesAsync(0, ChangeCursor.Start, 500, Ct)).Events.Select(e => $"{e.Version}:{e.Kind}:{e.PaperId}:{e.OtherPaperId}"));
        const string Deferred = "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE name IN ('change_event_of_paper', 'cites_by_version') ORDER BY name)";
        var before = await AnswersAsync();
        Assert.StartsWith((await store.FindPaperAsync(older, Ct))!.Title + " | none | ", before); // the newer paper was added after v1
        Assert.Contains(":CitationAdded:", before, StringComparison.Ordinal);

        var scope = await store.BeginBulkLoadAsync(Ct);
        Assert.Null(await TextAsync(db, Deferred));
        Assert.Equal(before, await AnswersAsync());
        await scope.DisposeAsync();

        Assert.Equal("change_event_of_paper,cites_by_version", await TextAsync(db, Deferred));
        Assert.Equal(before, await AnswersAsync());
    }

    [Fact]
    public async Task Bulk_load_over_papers_already_stored_keeps_their_search_index_right()
    {
        using var temp = new TempDirectory();
        var lines = SyntheticCorpus.Lines(new GeneratorOptions { Papers = 300, RefsPerPaper = 6, Seed = 9 }).Reverse().ToList();
        var first = temp.File("first.jsonl");
        var rest = temp.File("rest.jsonl");
        // The newest half first: its references make stubs (indexed for search by a normal load); the bulk load then
        // brings the papers those stubs stand for, merging each stub away, and papers it retitles are already indexed.
        await File.WriteAllLinesAsync(first, lines.Take(150), Ct);
        await File.WriteAllLinesAsync(rest, lines.Skip(150).Concat(lines.Take(20).Select(Retitled)), Ct);
        var db = temp.File("g.db");
        await LoadAsync(db, InputFile.FromPath(first), batchSize: 50, bulk: false);
        Assert.True(await StoreDump.ScalarAsync(db, "SELECT count(*) FROM paper WHERE is_stub = 1") > 0);

        await LoadAsync(db, InputFile.FromPath(rest), batchSize: 50, bulk: true);

        var plain = temp.File("plain.db");
        await LoadAsync(plain, InputFile.FromPath(first), batchSize: 50, bulk: false);
        await LoadAsync(plain, InputFile.FromPath(rest), batchSize: 50, bulk: false);
        Assert.Equal("ok", await StoreDump.SearchIndexCheckAsync(db));
        Assert.Equal(await StoreDump.DumpAsync(plain), await StoreDump.DumpAsync(db));
        Assert.Equal(await StoreDump.SchemaAsync(plain), await StoreDump.SchemaAsync(db));
        Assert.Equal(0, await StoreDump.ScalarAsync(db, "SELECT count(*) FROM paper WHERE is_stub = 1"));
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = db });
        Assert.NotEmpty(await store.SearchAsync("Retitled", 30, Ct));
    }

    [Fact]
    public async Task A_bulk_load_that_never_ended_is_finished_when_the_store_is_next_opened()
    {
        using var temp = new TempDirectory();
        var db = temp.File("g.db");
        var fresh = temp.File("fresh.db");
        await using (var store = new SqliteGraphStore(new SqliteStoreOptions { Path = fresh }))
        {
            await store.InitializeAsync(Ct);
        }

        await using (var store = new SqliteGraphStore(new SqliteStoreOptions { Path = db }))
        {
            await store.InitializeAsync(Ct);
            _ = await store.BeginBulkLoadAsync(Ct); // never disposed: the process "died" after the load's batches
            await new Ingestor(store, new IngestOptions { Bulk = false })
                .LoadAsync([await ForwardReferencesAsync(temp, 60)], cancellationToken: Ct);
            Assert.NotEqual(await StoreDump.SchemaAsync(fresh), await StoreDump.SchemaAsync(db));
            Assert.NotEqual("ok", await StoreDump.SearchIndexCheckAsync(db));
        }

        await using (var reopened = new SqliteGraphStore(new SqliteStoreOptions { Path = db }))
        {
            await reopened.InitializeAsync(Ct);
            var title = await FirstGeneratedTitleAsync(db);
            Assert.Contains(await reopened.SearchAsync(title, 10, Ct), hit => hit.Paper.Title == title);
        }

        Assert.Equal(await StoreDump.SchemaAsync(fresh), await StoreDump.SchemaAsync(db));
        Assert.Equal("ok", await StoreDump.SearchIndexCheckAsync(db));
    }

    [Fact]
    public async Task Explain_merges_writes_each_merge_with_the_rule_and_key_that_matched()
    {
        using var temp = new TempDirectory();
        var merges = temp.File("g.db.merges.jsonl");
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = temp.File("g.db") });

        var report = await new Ingestor(store, new IngestOptions { MergesPath = merges }).LoadAsync(
            [
                TestFiles.Fixture("cross/listing.txt"), TestFiles.Fixture("hf/paper.json"),
                TestFiles.Fixture("arxiv/snapshot.jsonl"), TestFiles.Fixture("openalex/works.jsonl"),
            ],
            cancellationToken: Ct);

        var lines = (await File.ReadAllLinesAsync(merges, Ct)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(report.Merged, lines.Count);
        Assert.Equal(report.Merged, report.MergedBy.Values.Sum());
        Assert.All(lines, l => Assert.Contains(l.GetProperty("matchedBy").GetString(), new[] { "arxiv", "doi", "external", "title" }));
        var lantern = lines.Where(l => l.GetProperty("source").GetString()!.EndsWith("works.jsonl", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lantern);
        Assert.All(lantern, l => Assert.True(l.GetProperty("line").GetInt32() >= 1));
        var paper = Assert.Single(await store.SearchAsync("Sparse Lanterns", 10, Ct)).Paper;
        Assert.Contains(lines, l => l.GetProperty("paper").GetString() == paper.Id && l.GetProperty("matchedOn").GetString() == "2501.00001");
    }

    /// <summary>Everything stored, with rows named by paper id instead of the primary keys either writer chose.</summary>
    private static async Task<string> FactsAsync(string db)
    {
        string[] queries =
        [
            "SELECT id, title, title_key, abstract, year, published, authors_count, organization, upvotes, arxiv_id, doi, is_stub FROM paper",
            "SELECT p.id, s.source, s.line, s.format, s.title, s.abstract, s.published, s.text_in_paper FROM paper_source s JOIN paper p ON p.pk = s.paper_pk",
            "SELECT e.kind, e.value, p.id FROM external_id e JOIN paper p ON p.pk = e.paper_pk",
            "SELECT a.id, b.id, c.kind, c.confidence, c.evidence, f.name, c.source_line FROM cites c JOIN paper a ON a.pk = c.src_pk JOIN paper b ON b.pk = c.dst_pk LEFT JOIN source_file f ON f.pk = c.source_pk",
            "SELECT au.name, p.id, w.position FROM authored w JOIN author au ON au.pk = w.author_pk JOIN paper p ON p.pk = w.paper_pk",
            "SELECT r.url, p.id, pr.evidence FROM paper_repo pr JOIN repo r ON r.pk = pr.repo_pk JOIN paper p ON p.pk = pr.paper_pk",
            "SELECT p.id, m.kind, m.value FROM paper_mention m JOIN paper p ON p.pk = m.paper_pk",
            "SELECT p.id, l.url, l.kind FROM paper_link l JOIN paper p ON p.pk = l.paper_pk",
        ];
        await using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Ct);
        var sb = new StringBuilder();
        foreach (var sql in queries)
        {
            var rows = new List<string>();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }

            rows.Sort(StringComparer.Ordinal);
            sb.AppendLine(sql).AppendJoin('\n', rows).AppendLine();
        }

        return sb.ToString();
    }

    private static async Task<string> FirstGeneratedTitleAsync(string db) =>
        (await TextAsync(db, "SELECT title FROM paper WHERE is_stub = 0 AND title LIKE '%Study%' ORDER BY pk DESC LIMIT 1"))!;

    /// <summary>A generated work again, under a new title: merged into its paper by its OpenAlex id.</summary>
    private static string Retitled(string line)
    {
        var work = System.Text.Json.Nodes.JsonNode.Parse(line)!.AsObject();
        work["title"] = "Retitled " + (string?)work["title"];
        work["display_name"] = work["title"]!.GetValue<string>();
        return work.ToJsonString();
    }

    private static async Task<string?> IndexSqlAsync(string db) =>
        await TextAsync(db, "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'cites_dst'");

    private static async Task<string?> TextAsync(string db, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct) as string;
    }
}
