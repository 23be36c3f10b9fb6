using CiteGraph.Tests;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Loaders.Tests.Support;

namespace CiteGraph.Loaders.Tests.Ingest;

public class ExplicitCitationTests
{
    private static async Task<(SqliteGraphStore Store, LoadReport Report)> LoadAsync(string db, IngestOptions? options, params InputFile[] inputs)
    {
        var store = new SqliteGraphStore(new SqliteStoreOptions { Path = db });
        var report = await Loading.LoadAndDeriveAsync(store, options, inputs, cancellationToken: TestContext.Current.CancellationToken);
        return (store, report);
    }

    [Fact]
    public async Task Load_OpenAlexReferences_WritesExplicitCitesAndStubsOutsideTheCounts()
    {
        using var temp = new TempDirectory();
        var (store, report) = await LoadAsync(temp.File("g.db"), null, TestFiles.Fixture("openalex/works.jsonl"));
        await using var _ = store;

        var stats = await store.GetStatsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(3, stats.Papers);
        Assert.Equal(4, stats.Citations);
        Assert.Equal(3, report.Loaded);
        Assert.Equal(2, report.Rejected);
        Assert.Equal(1, await StoreDump.ScalarAsync(store.DatabasePath, "SELECT COUNT(*) FROM paper WHERE is_stub = 1"));
        Assert.Equal(4, await StoreDump.ScalarAsync(store.DatabasePath, "SELECT COUNT(*) FROM cites WHERE kind = 0 AND confidence = 1.0"));
        Assert.Empty(await store.SearchAsync("W4000000003", 10, TestContext.Current.CancellationToken));
        var page = await store.QueryPapersAsync(new Graph.Storage.PaperQuery(new Graph.Storage.PaperFilter(), 10), TestContext.Current.CancellationToken);
        Assert.Equal(3, page.TotalCount);
    }

    [Fact]
    public async Task Load_CitedPaperArrivesLater_StubBecomesThePaperWithItsCitations()
    {
        using var temp = new TempDirectory();
        var (store, _) = await LoadAsync(temp.File("g.db"), null, TestFiles.Fixture("openalex/works.jsonl"));
        await using var __ = store;
        var stubId = PaperId.ForExternal(new ExternalId(ExternalIdKind.OpenAlex, "W4000000003"));

        var (again, _) = await LoadAsync(temp.File("g.db"), null, TestFiles.Fixture("openalex/late.jsonl"));
        await using var ___ = again;

        var stats = await again.GetStatsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(4, stats.Papers);
        Assert.Equal(4, stats.Citations);
        Assert.Equal(0, await StoreDump.ScalarAsync(again.DatabasePath, "SELECT COUNT(*) FROM paper WHERE is_stub = 1"));
        var paper = await again.FindPaperAsync("W4000000003", TestContext.Current.CancellationToken);
        Assert.Equal(stubId, paper!.Id);
        Assert.Equal("The Cited Work Arrives Late", paper.Title);
        Assert.Equal(2, await StoreDump.ScalarAsync(again.DatabasePath,
            "SELECT COUNT(*) FROM cites c JOIN paper p ON p.pk = c.dst_pk WHERE p.id = '" + stubId + "'"));
    }

    [Fact]
    public async Task Load_CitedPaperFirstInOtherOrder_GivesTheSameGraph()
    {
        using var temp = new TempDirectory();
        var (a, _) = await LoadAsync(temp.File("a.db"), null, TestFiles.Fixture("openalex/works.jsonl"), TestFiles.Fixture("openalex/late.jsonl"));
        await using var _a = a;
        var (b, _) = await LoadAsync(temp.File("b.db"), null, TestFiles.Fixture("openalex/late.jsonl"), TestFiles.Fixture("openalex/works.jsonl"));
        await using var _b = b;

        var statsA = await a.GetStatsAsync(TestContext.Current.CancellationToken);
        var statsB = await b.GetStatsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(statsA, statsB);
        var paperA = await a.FindPaperAsync("W4000000003", TestContext.Current.CancellationToken);
        var paperB = await b.FindPaperAsync("W4000000003", TestContext.Current.CancellationToken);
        Assert.Equal(paperA!.Title, paperB!.Title);
    }

    [Fact]
    public async Task Load_StubMatchedByIdAndRealPaperByTitle_StubMergesIntoTheRealPaper()
    {
        using var temp = new TempDirectory();
        var listing = temp.File("listing.txt");
        await File.WriteAllTextAsync(listing,
            "Subscribe\n\nDaily Papers\n\nThe Cited Work Arrives Late\n\nA listing names the paper first, by title only, long before any identifier is known.\n\n",
            TestContext.Current.CancellationToken);
        var (store, _) = await LoadAsync(temp.File("g.db"), null,
            InputFile.FromPath(listing), TestFiles.Fixture("openalex/works.jsonl"), TestFiles.Fixture("openalex/late.jsonl"));
        await using var _ = store;

        var fromListing = Assert.Single(await store.SearchAsync("listing names the paper first", 5, TestContext.Current.CancellationToken)).Paper;
        Assert.Equal(fromListing.Id, (await store.FindPaperAsync("W4000000003", TestContext.Current.CancellationToken))!.Id);
        Assert.Equal(0, await StoreDump.ScalarAsync(store.DatabasePath, "SELECT COUNT(*) FROM paper WHERE is_stub = 1"));
        Assert.Equal(4, (await store.GetStatsAsync(TestContext.Current.CancellationToken)).Papers);
        Assert.Equal(2, await StoreDump.ScalarAsync(store.DatabasePath,
            "SELECT COUNT(*) FROM cites c JOIN paper p ON p.pk = c.dst_pk WHERE p.id = '" + fromListing.Id + "'"));
    }

    [Fact]
    public async Task Load_ReferenceByArxivId_StubBecomesThePaperWhenItArrives()
    {
        using var temp = new TempDirectory();
        var late = temp.File("late.jsonl");
        await File.WriteAllTextAsync(late,
            """{"id":"https://openalex.org/W4000000099","title":"Has An Arxiv Id","publication_year":2023,"primary_location":{"landing_page_url":"https://arxiv.org/abs/2301.00002"}}""" + "\n",
            TestContext.Current.CancellationToken);
        var (store, _) = await LoadAsync(temp.File("g.db"), null, TestFiles.Fixture("s2/papers.json"), InputFile.FromPath(late));
        await using var _ = store;

        var paper = await store.FindPaperAsync("2301.00002", TestContext.Current.CancellationToken);
        Assert.Equal("Has An Arxiv Id", paper!.Title);
        Assert.Equal(PaperId.For("2301.00002", null, ""), paper.Id);
        Assert.Equal(1, await StoreDump.ScalarAsync(store.DatabasePath,
            "SELECT COUNT(*) FROM cites c JOIN paper p ON p.pk = c.dst_pk WHERE p.arxiv_id = '2301.00002' AND p.is_stub = 0"));
    }

    [Fact]
    public async Task Load_TitleEqualToAStubLabel_DoesNotMatchTheStub()
    {
        using var temp = new TempDirectory();
        var other = temp.File("other.jsonl");
        await File.WriteAllTextAsync(other,
            """{"paper": {"id": "2509.00001", "title": "OpenAlex W4000000003", "summary": "A paper whose title happens to look like a stub label."}}""" + "\n",
            TestContext.Current.CancellationToken);
        var (store, _) = await LoadAsync(temp.File("g.db"), null, TestFiles.Fixture("openalex/works.jsonl"), InputFile.FromPath(other));
        await using var _ = store;

        Assert.Equal(1, await StoreDump.ScalarAsync(store.DatabasePath, "SELECT COUNT(*) FROM paper WHERE is_stub = 1"));
        Assert.Equal(4, (await store.GetStatsAsync(TestContext.Current.CancellationToken)).Papers);
    }

    [Fact]
    public async Task Load_Authors_FillAuthorAndAuthoredTables()
    {
        using var temp = new TempDirectory();
        var (store, _) = await LoadAsync(temp.File("g.db"), null, TestFiles.Fixture("arxiv/snapshot.jsonl"), TestFiles.Fixture("openalex/works.jsonl"));
        await using var _ = store;

        var stats = await store.GetStatsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(8, stats.Authors);
        Assert.Equal(2, await StoreDump.ScalarAsync(store.DatabasePath,
            "SELECT COUNT(*) FROM authored a JOIN paper p ON p.pk = a.paper_pk WHERE p.arxiv_id = '2501.00001'"));
    }

    [Fact]
    public async Task Load_SameFilesTwice_ChangesNoTable()
    {
        using var temp = new TempDirectory();
        var db = temp.File("g.db");
        InputFile[] inputs =
        [
            TestFiles.Fixture("cross/listing.txt"), TestFiles.Fixture("hf/daily_papers.json"), TestFiles.Fixture("hf/daily_papers.jsonl"),
            TestFiles.Fixture("arxiv/snapshot.jsonl"), TestFiles.Fixture("openalex/works.jsonl"), TestFiles.Fixture("openalex/page.json"),
            TestFiles.Fixture("s2/papers.json"), TestFiles.Fixture("s2/s2ag-papers.jsonl"), TestFiles.Fixture("s2/citations.jsonl"),
            TestFiles.Fixture("edges/Cit-Tiny.txt"), TestFiles.Fixture("edges/tiny.cites"), TestFiles.Fixture("edges/tiny.content"),
        ];
        var (first, _) = await LoadAsync(db, new IngestOptions { BatchSize = 3 }, inputs);
        await first.DisposeAsync();
        var before = await StoreDump.DumpAsync(db);

        var (second, report) = await LoadAsync(db, new IngestOptions { BatchSize = 7 }, inputs);
        await second.DisposeAsync();
        var after = await StoreDump.DumpAsync(db);

        Assert.Equal(0, report.New);
        Assert.Equal(before, after);
        Assert.Contains("## cites", before, StringComparison.Ordinal);
    }
}
