using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Tests;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite.Tests;

/// <summary>
/// A bulk load into a store with an empty search index builds the index beside the writer, in a scratch file, and
/// copies it in at the end (<see cref="BulkSearchIndexer"/>): searches then find exactly what they find in a store
/// written without a bulk load, however the load changed papers it had indexed already, and the store's own index
/// stays right for the writes after.
/// </summary>
public sealed class BulkSearchIndexTests : IDisposable
{
    private const string StubDoi = "10.1/forty-one";

    private static readonly string[] Words =
        ["tidal", "gauges", "part", "estuary", "sediment", "mangrove", "carbon", "barnacle", "fouling", "moorings", "openalex", "doi", "w40", "kelp"];

    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_first_bulk_load_indexed_beside_the_writer_finds_what_a_plain_load_finds_though_it_changed_papers_already_indexed()
    {
        var path = _dir.File("bulk.db");
        await using var bulk = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        await bulk.InitializeAsync(Ct);
        await using (await bulk.BeginBulkLoadAsync(Ct))
        {
            Assert.Equal(0, bulk.BulkSearchPasses);
            await bulk.UpsertAsync(FirstBatch(), Ct);
            // The first batch is indexed beside the writer before the second changes it: a stub absorbed, a stub turned
            // into a paper, an abstract added by a second source.
            await WaitForAsync(() => bulk.BulkSearchPasses >= 1);
            Assert.True(File.Exists(BulkSearchIndexer.ScratchPath(path)));
            await bulk.UpsertAsync(SecondBatch(), Ct);
        }

        Assert.Equal("built beside the writer", bulk.LastBulkSearchIndex);
        Assert.False(File.Exists(BulkSearchIndexer.ScratchPath(path)));
        await AssertSearchIndexMatchesPapersAsync(path);

        await using var plain = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("plain.db") });
        await plain.InitializeAsync(Ct);
        await plain.UpsertAsync(FirstBatch(), Ct);
        await plain.UpsertAsync(SecondBatch(), Ct);
        foreach (var word in Words)
        {
            Assert.Equal(await HitsAsync(plain, word), await HitsAsync(bulk, word));
        }

        Assert.Equal(["W3"], (await HitsAsync(bulk, "barnacle")).Select(h => h.Id));
        Assert.Equal(["W40"], (await HitsAsync(bulk, "estuary")).Select(h => h.Id));
        Assert.Single(await HitsAsync(bulk, "mangrove"));
    }

    [Fact]
    public async Task Writes_after_a_load_indexed_beside_the_writer_keep_the_search_index_right()
    {
        var path = _dir.File("store.db");
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        await store.InitializeAsync(Ct);
        await using (await store.BeginBulkLoadAsync(Ct))
        {
            await store.UpsertAsync(FirstBatch(), Ct);
        }

        Assert.Equal("built beside the writer", store.LastBulkSearchIndex);
        Assert.Empty(await HitsAsync(store, "kelp"));

        // The same store instance, its writer and pooled readers having used the search table before the copy.
        await store.UpsertAsync(
            [
                new ResolvedRecord("W7", Record(7, "Tidal gauges, part 7", "Kelp forests damp the swell", "second.jsonl")),
                new ResolvedRecord("W90", Record(90, "Kelp holdfasts", null, "second.jsonl")) { ResolvedAsNew = true },
            ],
            Ct);

        Assert.Equal(["W7", "W90"], (await HitsAsync(store, "kelp")).Select(h => h.Id).Order(StringComparer.Ordinal));
        await AssertSearchIndexMatchesPapersAsync(path);
    }

    [Fact]
    public async Task A_bulk_load_into_a_store_already_indexed_indexes_its_new_papers_at_the_end()
    {
        var path = _dir.File("store.db");
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        await store.InitializeAsync(Ct);
        await store.UpsertAsync([new ResolvedRecord("W90", Record(90, "Kelp holdfasts", null, "first.jsonl")) { ResolvedAsNew = true }], Ct);
        await using (await store.BeginBulkLoadAsync(Ct))
        {
            Assert.Equal(-1, store.BulkSearchPasses);
            await store.UpsertAsync(FirstBatch(), Ct);
        }

        Assert.Null(store.LastBulkSearchIndex);
        Assert.Equal(30, (await HitsAsync(store, "tidal")).Count);
        Assert.Single(await HitsAsync(store, "kelp"));
        await AssertSearchIndexMatchesPapersAsync(path);
    }

    [Fact]
    public async Task A_bulk_load_that_cannot_make_its_scratch_file_indexes_its_papers_at_the_end()
    {
        var path = _dir.File("store.db");
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        await store.InitializeAsync(Ct);
        Directory.CreateDirectory(BulkSearchIndexer.ScratchPath(path)); // in the scratch file's place
        await using (await store.BeginBulkLoadAsync(Ct))
        {
            Assert.Equal(-1, store.BulkSearchPasses);
            await store.UpsertAsync(FirstBatch(), Ct);
        }

        Assert.StartsWith("not started: ", store.LastBulkSearchIndex, StringComparison.Ordinal);
        Assert.Equal(30, (await HitsAsync(store, "tidal")).Count);
        await AssertSearchIndexMatchesPapersAsync(path);
    }

    [Fact]
    public async Task A_scratch_index_left_by_a_killed_load_is_deleted_when_the_store_is_opened()
    {
        var path = _dir.File("store.db");
        var scratch = BulkSearchIndexer.ScratchPath(path);
        await File.WriteAllTextAsync(scratch, "left by a load that was killed", Ct);
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        await store.InitializeAsync(Ct);
        Assert.False(File.Exists(scratch));
    }

    private static List<ResolvedRecord> FirstBatch() =>
    [
        .. Enumerable.Range(1, 30).Select(n => new ResolvedRecord(
            $"W{n}",
            Record(n, $"Tidal gauges, part {n}", n is 3 or 7 ? null : $"Part {n} of the gauges", "first.jsonl") with
            {
                References = [new ExternalId(ExternalIdKind.OpenAlex, "W40"), new ExternalId(ExternalIdKind.Doi, StubDoi)],
            })
        { ResolvedAsNew = true }),
    ];

    private static List<ResolvedRecord> SecondBatch() =>
    [
        // Absorbs the stub made for the reference W40 (another paper id, the same OpenAlex id).
        new ResolvedRecord("W40", Record(40, "Estuary sediment budgets", null, "second.jsonl")) { ResolvedAsNew = true },
        // Turns the stub made for the DOI into this paper (the same paper id).
        new ResolvedRecord(
            PaperId.ForExternal(new ExternalId(ExternalIdKind.Doi, StubDoi)),
            Record(41, "Mangrove carbon burial", null, "second.jsonl") with { ExternalIds = [], Doi = StubDoi }),
        // A second source of W3 brings the abstract it lacked.
        new ResolvedRecord("W3", Record(3, "Tidal gauges, part 3", "Barnacle fouling of moorings", "second.jsonl")),
    ];

    private static PaperRecord Record(int n, string title, string? abstractText, string file) => new()
    {
        Title = title,
        Abstract = abstractText,
        ExternalIds = [new ExternalId(ExternalIdKind.OpenAlex, $"W{n}")],
        Source = new SourceRef(file, n, "openalex"),
    };

    private static async Task<List<(string Id, double Score)>> HitsAsync(SqliteGraphStore store, string word) =>
        [.. (await store.SearchAsync(word, 100, Ct)).Select(h => (h.Paper.Id, Math.Round(h.Score, 9))).OrderBy(h => h.Id, StringComparer.Ordinal)];

    /// <summary>FTS5's own check of the index against its content table (the papers), every row and token.</summary>
    private static async Task AssertSearchIndexMatchesPapersAsync(string path)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO paper_fts (paper_fts, rank) VALUES ('integrity-check', 1); SELECT count(*) FROM paper_fts_docsize; SELECT count(*) FROM paper;";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        var indexed = reader.GetInt64(0);
        Assert.True(await reader.NextResultAsync(Ct) && await reader.ReadAsync(Ct));
        Assert.Equal(reader.GetInt64(0), indexed);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 20)
        {
            Assert.True(waited < 30_000, "the search index beside the writer made no pass within 30 s");
            await Task.Delay(20, Ct);
        }
    }
}
