using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Demo;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Tests;
using CiteGraph.Loaders.Tests.Support;

namespace CiteGraph.Loaders.Tests.Ingest;

public sealed class IngestorTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private SqliteGraphStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _store = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("graph.db") });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Loading_the_seed_listings_merges_the_two_shared_papers_and_keeps_both_sources()
    {
        var files = new[] { SharedData.Require("seeds/listing-daily-b.txt"), SharedData.Require("seeds/listing-search-c.txt") };
        var report = await Loading.LoadAndDeriveAsync(_store, files.Select(InputFile.FromPath).ToList(), cancellationToken: Ct);

        Assert.Equal((106, 106, 104, 2, 0), (report.Read, report.Loaded, report.New, report.Merged, report.Rejected));
        Assert.Equal(104, report.PapersInStore);
        var shared = await _store.FindPaperAsync(
            (await _store.SearchAsync("Universality Lens Over-Parametrized", 1, Ct))[0].Paper.Id, Ct);
        var sources = (await _store.GetSourcesAsync([shared!.Id], Ct))[shared.Id];
        Assert.Equal(["listing-daily-b.txt", "listing-search-c.txt"], sources.Select(s => Path.GetFileName(s.Source)));
        Assert.Equal(2025, shared.Year); // the year comes from the listing that printed one
    }

    [Fact]
    public async Task Loading_the_same_files_again_changes_no_count_and_no_row()
    {
        var files = new[] { SharedData.Require("seeds/listing-daily-b.txt"), SharedData.Require("seeds/listing-search-c.txt") };
        var inputs = files.Select(InputFile.FromPath).ToList();
        await Loading.LoadAndDeriveAsync(_store, inputs, cancellationToken: Ct);
        var before = (await _store.GetStatsAsync(Ct), await PaperRowsAsync());

        var again = await Loading.LoadAndDeriveAsync(_store, inputs, cancellationToken: Ct);

        Assert.Equal((0, 106), (again.New, again.Merged));
        Assert.Equal(before, (await _store.GetStatsAsync(Ct), await PaperRowsAsync()));
    }

    [Fact]
    public async Task The_demo_corpus_loads_with_its_duplicate_merged_and_its_malformed_entry_rejected()
    {
        var report = await Loading.LoadAndDeriveAsync(_store, DemoCorpus.Files, cancellationToken: Ct);
        Assert.Equal(3, DemoCorpus.Files.Count);
        Assert.Equal(["hf-listing-a", "hf-listing-b", "hf-listing-c"], report.Files.Select(f => f.Format));
        Assert.Equal((12, 11, 9, 2, 1), (report.Read, report.Loaded, report.New, report.Merged, report.Rejected));
        Assert.Equal(7, report.ReposInStore);
        Assert.Contains("title without abstract", Assert.Single(report.Rejections).Reason, StringComparison.Ordinal);
        var sla = await _store.GetPapersOfRepoAsync("https://github.com/quillai/sparse-lattice-attention", Ct);
        Assert.Equal(2, sla.Count); // the paper itself (three sources) and the weather paper's deep link
    }

    [Fact]
    public async Task Bad_files_are_reported_with_file_and_line_and_leave_the_store_intact()
    {
        await Loading.LoadAndDeriveAsync(_store, DemoCorpus.Files, cancellationToken: Ct);
        var before = await _store.GetStatsAsync(Ct);
        var rejects = _dir.File("graph.db.rejects.jsonl");
        var empty = _dir.Write("empty.txt", "");
        var json = _dir.Write("papers.json", "[{\"title\": \"x\"}]");
        var prose = _dir.Write("notes.txt", "Shopping list\nMilk and eggs and a great deal of bread for the week.\n");
        var binary = _dir.File("image.png");
        await File.WriteAllBytesAsync(binary, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48], Ct);
        var missing = _dir.File("missing.txt");

        var report = await Loading.LoadAndDeriveAsync(_store, new IngestOptions { RejectsPath = rejects }, [.. new[] { empty, json, prose, binary, missing }.Select(InputFile.FromPath)], cancellationToken: Ct);

        Assert.Equal(0, report.Loaded);
        Assert.Equal(5, report.Rejected);
        Assert.All(report.Rejections, r => Assert.Equal(1, r.Line));
        Assert.Contains("empty", report.Rejections[0].Reason, StringComparison.Ordinal);
        Assert.Contains("JSON", report.Rejections[1].Reason, StringComparison.Ordinal);
        Assert.Contains("unknown layout", report.Rejections[2].Reason, StringComparison.Ordinal);
        Assert.Contains("binary", report.Rejections[3].Reason, StringComparison.Ordinal);
        Assert.Contains("cannot read", report.Rejections[4].Reason, StringComparison.Ordinal);
        Assert.Equal(before, await _store.GetStatsAsync(Ct));
        Assert.Equal(5, (await File.ReadAllLinesAsync(rejects, Ct)).Length);
    }

    private async Task<string> PaperRowsAsync()
    {
        var page = await _store.QueryPapersAsync(new Graph.Storage.PaperQuery(new Graph.Storage.PaperFilter(), 500), Ct);
        return string.Join('\n', page.Items.Select(i => $"{i.Position}|{i.Paper}"));
    }
}
