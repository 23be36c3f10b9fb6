using CiteGraph.Graph.Model;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Loaders.Tests.Support;
using CiteGraph.Tests;

namespace CiteGraph.Loaders.Tests.Ingest;

/// <summary>Edge lists of arXiv ids or DOIs attach explicit citations to the papers with those ids, in any file order.</summary>
public class ReferencesByIdTests
{
    private static async Task<(SqliteGraphStore Store, LoadReport Report)> LoadAsync(string db, IngestOptions? options, params InputFile[] inputs)
    {
        var store = new SqliteGraphStore(new SqliteStoreOptions { Path = db });
        var report = await new Ingestor(store, options).LoadAsync(inputs, cancellationToken: TestContext.Current.CancellationToken);
        return (store, report);
    }

    private static Task<long> StubsAsync(SqliteGraphStore store) => StoreDump.ScalarAsync(store.DatabasePath, "SELECT COUNT(*) FROM paper WHERE is_stub = 1");

    [Fact]
    public async Task Load_ArxivEdgeListAfterPapers_AttachesCitationsToThePapersAndStubsTheUnknownOne()
    {
        using var temp = new TempDirectory();
        var (store, report) = await LoadAsync(temp.File("g.db"), null, TestFiles.Fixture("arxiv/snapshot.jsonl"), TestFiles.Fixture("refs/arxiv-refs.tsv"));
        await using var _ = store;

        var edges = report.Files[1];
        Assert.Equal("edgelist-arxiv-ids", edges.Format);
        Assert.Contains("arXiv ids", edges.Note, StringComparison.Ordinal);
        Assert.Equal(
            ["2501.00001\thep-th/9901001", "2501.00006\t2501.00001", "2501.00006\t2512.99999", "2501.00006\thep-th/9901001"],
            (await StoreDump.ExplicitCitationsAsync(store.DatabasePath)).Order(StringComparer.Ordinal));
        Assert.Equal(4, report.CitationsAdded);
        // The papers of the snapshot and one stub for 2512.99999, which no input describes.
        var papers = report.PapersInStore;
        Assert.Equal(1, await StubsAsync(store));
        Assert.Equal(0, edges.Rejected);
        var citing = await store.FindPaperAsync("2501.00006", TestContext.Current.CancellationToken);
        Assert.Equal("After The Bad Ones", citing!.Title);

        // Loading the edge list again adds nothing.
        var (again, second) = await LoadAsync(temp.File("g.db"), null, TestFiles.Fixture("refs/arxiv-refs.tsv"));
        await using var __ = again;
        Assert.Equal(0, second.CitationsAdded);
        Assert.Equal(papers, second.PapersInStore);
    }

    [Fact]
    public async Task Load_ArxivEdgeListBeforePapers_GivesTheSameGraph()
    {
        using var temp = new TempDirectory();
        var (a, _) = await LoadAsync(temp.File("a.db"), null, TestFiles.Fixture("arxiv/snapshot.jsonl"), TestFiles.Fixture("refs/arxiv-refs.tsv"));
        await using var _a = a;
        var (b, report) = await LoadAsync(temp.File("b.db"), null, TestFiles.Fixture("refs/arxiv-refs.tsv"), TestFiles.Fixture("arxiv/snapshot.jsonl"));
        await using var _b = b;

        Assert.Equal(await a.GetStatsAsync(TestContext.Current.CancellationToken), await b.GetStatsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(
            (await StoreDump.ExplicitCitationsAsync(a.DatabasePath)).Order(StringComparer.Ordinal),
            (await StoreDump.ExplicitCitationsAsync(b.DatabasePath)).Order(StringComparer.Ordinal));
        Assert.Equal(1, await StubsAsync(b));
        Assert.Equal(0, await StoreDump.ScalarAsync(b.DatabasePath, "SELECT COUNT(*) FROM paper WHERE title LIKE 'arXiv %' AND is_stub = 0"));
        var paper = await b.FindPaperAsync("hep-th/9901001", TestContext.Current.CancellationToken);
        Assert.Equal(PaperId.For("hep-th/9901001", null, ""), paper!.Id);
        Assert.Equal("Old Style Identifiers and $\\alpha$-Attractors", paper.Title);
        Assert.Equal(4, report.CitationsAdded);
    }

    [Fact]
    public async Task Load_DoiEdgeList_AttachesCitationsToThePapersWithThoseDoisWhateverTheirSpelling()
    {
        using var temp = new TempDirectory();
        var (store, report) = await LoadAsync(temp.File("g.db"), null, TestFiles.Fixture("refs/doi-refs.tsv"), TestFiles.Fixture("refs/doi-papers.jsonl"));
        await using var _ = store;

        Assert.Equal("edgelist-doi-ids", report.Files[0].Format);
        Assert.Equal(
            ["2502.10002\t2502.10001", "2502.10003\t10.9999/not.loaded", "2502.10003\t2502.10001", "2502.10003\t2502.10002"],
            (await StoreDump.ExplicitCitationsAsync(store.DatabasePath)).Order(StringComparer.Ordinal));
        Assert.Equal(3, report.PapersInStore);
        Assert.Equal(1, await StubsAsync(store));
        Assert.Equal(4, report.CitationsAdded);
    }

    [Fact]
    public async Task Load_DoiEdgeListWithAColumnHeader_SkipsTheHeaderAndStillDetectsDois()
    {
        using var temp = new TempDirectory();
        var (store, report) = await LoadAsync(temp.File("g.db"), null, TestFiles.Fixture("refs/doi-papers.jsonl"), TestFiles.Fixture("refs/doi-header.tsv"));
        await using var _ = store;

        Assert.Equal("edgelist-doi-ids", report.Files[1].Format);
        Assert.Equal(["2502.10003\t2502.10001"], await StoreDump.ExplicitCitationsAsync(store.DatabasePath));
        Assert.Equal(0, report.Rejected);
    }

    [Fact]
    public async Task Load_ForcedArxivKind_RejectsBadLinesWithFileLineAndReasonAndLoadsTheRest()
    {
        using var temp = new TempDirectory();
        var (store, report) = await LoadAsync(temp.File("g.db"), new IngestOptions { IdKind = EdgeIdKind.Arxiv },
            TestFiles.Fixture("arxiv/snapshot.jsonl"), TestFiles.Fixture("refs/arxiv-broken.tsv"));
        await using var _ = store;

        Assert.Equal(
            [
                "Fixtures/refs/arxiv-broken.tsv:3: 'see-appendix' is not an arXiv id",
                "Fixtures/refs/arxiv-broken.tsv:5: expected two node ids (and at most a weight), found 4 fields",
                "Fixtures/refs/arxiv-broken.tsv:7: a paper citing itself (2501.00006)",
            ],
            report.Rejections.Where(r => r.Source.EndsWith(".tsv", StringComparison.Ordinal)).Select(r => r.ToString()));
        Assert.Equal(
            [
                "2501.00001\t2501.00006", "2501.00001\thep-th/9901001", "2501.00006\t2501.00001", "2501.00006\thep-th/9901001",
                "hep-th/9901001\t2501.00001", "hep-th/9901001\t2501.00006",
            ],
            (await StoreDump.ExplicitCitationsAsync(store.DatabasePath)).Order(StringComparer.Ordinal));
        Assert.Equal(0, await StubsAsync(store));
    }

    [Fact]
    public async Task Load_AutoOnAFileMixingArxivIdsAndPlainIds_ReadsPlainIdsAndSaysWhy()
    {
        using var temp = new TempDirectory();
        var (store, report) = await LoadAsync(temp.File("g.db"), null, TestFiles.Fixture("arxiv/snapshot.jsonl"), TestFiles.Fixture("refs/mixed.tsv"));
        await using var _ = store;

        var mixed = report.Files[1];
        Assert.Equal("edgelist-ids", mixed.Format);
        Assert.Contains("line 3: 'node7' is neither an arXiv id nor a DOI", mixed.Note, StringComparison.Ordinal);
        // As today for plain ids: every node of the file is a paper of its own, none of the snapshot's papers is cited.
        Assert.Equal(0, await StoreDump.ScalarAsync(store.DatabasePath,
            "SELECT COUNT(*) FROM cites c JOIN paper p ON p.pk = c.dst_pk WHERE p.arxiv_id IS NOT NULL"));
        Assert.Equal(3, report.CitationsAdded);
    }

    [Fact]
    public async Task Load_AutoWhenALaterLineBreaksTheDetectedKind_RejectsThatLineSayingWhy()
    {
        using var temp = new TempDirectory();
        var lines = Enumerable.Range(1, EdgeListReaderSample).Select(i => $"2101.{i:D5}\t2001.{i:D5}").Append("2101.00001\tnot-an-id");
        var path = temp.Write("late.tsv", string.Join('\n', lines) + "\n");
        var (store, report) = await LoadAsync(temp.File("g.db"), null, InputFile.FromPath(path));
        await using var _ = store;

        var rejection = Assert.Single(report.Rejections);
        Assert.Equal(EdgeListReaderSample + 1, rejection.Line);
        Assert.StartsWith("'not-an-id' is not an arXiv id (every id of this file's first edges was one", rejection.Reason, StringComparison.Ordinal);
        Assert.Equal(EdgeListReaderSample, report.CitationsAdded);
    }

    [Fact]
    public async Task Load_TruncatedGzipOfArxivIds_DetectsTheKindFromWhatCameOutAndKeepsTheEdgesBeforeTheCut()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("refs.tsv", string.Join('\n', Enumerable.Range(1, 3000).Select(i => $"2101.{i:D5}\t2001.{i:D5}")) + "\n");
        TestFiles.Gzipped(InputFile.FromPath(path), temp.Path, "refs.tsv.gz");
        var bytes = await File.ReadAllBytesAsync(temp.File("refs.tsv.gz"), TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(temp.File("cut.tsv.gz"), bytes[..(bytes.Length * 2 / 3)], TestContext.Current.CancellationToken);

        var (store, report) = await LoadAsync(temp.File("g.db"), null, InputFile.FromPath(temp.File("cut.tsv.gz")));
        await using var _ = store;

        Assert.Equal("edgelist-arxiv-ids", report.Files[0].Format);
        var stop = Assert.Single(report.Rejections);
        Assert.StartsWith("reading stopped", stop.Reason, StringComparison.Ordinal);
        Assert.InRange(report.CitationsAdded, 1, 2999);
    }

    private const int EdgeListReaderSample = CiteGraph.Loaders.Formats.EdgeLists.EdgeListReader.DetectionSample;
}
