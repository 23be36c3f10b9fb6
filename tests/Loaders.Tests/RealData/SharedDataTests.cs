using CiteGraph.Tests;
using System.Diagnostics;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Formats.Acl;
using CiteGraph.Loaders.Formats.Arxiv;
using CiteGraph.Loaders.Formats.EdgeLists;
using CiteGraph.Loaders.Formats.HuggingFace;
using CiteGraph.Loaders.Formats.SemanticScholar;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Loaders.Tests.Support;

namespace CiteGraph.Loaders.Tests.RealData;

/// <summary>
/// The readers on the real datasets in ../shared/data, checked against the counts each SOURCE.md states. Skipped, with
/// the reason, where the shared folder is absent.
/// </summary>
[Trait("Category", "RealData")]
public class SharedDataTests(ITestOutputHelper output)
{
    private static InputFile[] Files(string directory, string pattern) =>
        Directory.GetFiles(directory, pattern).Order(StringComparer.Ordinal).Select(InputFile.FromPath).ToArray();

    private static async Task<(SqliteGraphStore Store, LoadReport Report)> LoadAsync(TempDirectory temp, params InputFile[] inputs)
    {
        var store = new SqliteGraphStore(new SqliteStoreOptions { Path = temp.File("real.db") });
        var report = await Loading.LoadAndDeriveAsync(store, new IngestOptions { BatchSize = 2000 }, inputs, cancellationToken: TestContext.Current.CancellationToken);
        return (store, report);
    }

    [Fact]
    public async Task HfDailyPapersApi_LoadsEveryEntryIncludingReprStrings()
    {
        var daily = Path.Combine(TestFiles.SharedData("hf-daily-papers-api"), "daily");
        using var temp = new TempDirectory();
        var clock = Stopwatch.StartNew();
        var (store, report) = await LoadAsync(temp, Files(daily, "*.json"));
        await using var _ = store;
        clock.Stop();

        output.WriteLine($"hf-daily-papers-api: {report.Read} entries, {report.Loaded} loaded, {report.Rejected} rejected, " +
                         $"{report.PapersInStore} papers, {report.ReposInStore} repos in {clock.Elapsed.TotalSeconds:F1} s " +
                         $"({report.Loaded / clock.Elapsed.TotalSeconds:F0} records/s)");
        foreach (var rejection in report.Rejections.Take(10))
        {
            output.WriteLine(rejection.ToString());
        }

        // SOURCE.md: 9,581 entry objects + 300 Python-repr strings (all parse) = 9,881 entries; 9,877 distinct arXiv ids.
        Assert.Equal(580, report.Files.Count);
        Assert.Equal(9_881, report.Loaded);
        Assert.Equal(0, report.Rejected);
        Assert.Equal(9_877, report.PapersInStore);
        var stats = await store.GetStatsAsync(TestContext.Current.CancellationToken);
        Assert.True(stats.Authors > 40_000, $"{stats.Authors} authors");
        Assert.True(report.ReposInStore >= 3_600, $"{report.ReposInStore} repos");
    }

    [Fact]
    public async Task HfApiAndScrapedLists_ResolveToOnePaperPerArxivId()
    {
        var api = Files(Path.Combine(TestFiles.SharedData("hf-daily-papers-api"), "daily"), "2025-12-*.json");
        var scraped = Files(Path.Combine(TestFiles.SharedData("hf-daily-papers-scraped"), "daily"), "2025-12-*.json");
        using var temp = new TempDirectory();
        var (store, report) = await LoadAsync(temp, [.. api, .. scraped]);
        await using var _ = store;

        // Expected from the files themselves: distinct arXiv ids of both sets (python, ast.literal_eval for repr strings).
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in api.Concat(scraped))
        {
            foreach (var result in await TestFiles.ReadAllAsync(new HfPaperJsonReader(), file))
            {
                ids.Add(result.Record!.ArxivId!);
            }
        }

        Assert.Equal(0, report.Rejected);
        Assert.Equal(ids.Count, report.PapersInStore);
        Assert.True(report.Merged > report.Loaded / 4, $"{report.Merged} of {report.Loaded} records merged into papers already read");
    }

    [Fact]
    public async Task HfDailyPapersScraped_ReadsEveryRecord()
    {
        var daily = Path.Combine(TestFiles.SharedData("hf-daily-papers-scraped"), "daily");
        var records = 0;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Files(daily, "*.json"))
        {
            foreach (var result in await TestFiles.ReadAllAsync(new HfPaperJsonReader(), file))
            {
                Assert.Null(result.Rejection);
                records++;
                ids.Add(result.Record!.ArxivId ?? result.Record.Title);
            }
        }

        // SOURCE.md: 5,917 records, 3,868 distinct papers.
        Assert.Equal(5_917, records);
        Assert.Equal(3_868, ids.Count);
    }

    [Fact]
    public async Task ArxivMetadataSample_ReadsTwoHundredRecords()
    {
        var file = InputFile.FromPath(Path.Combine(TestFiles.SharedData("arxiv-metadata-sample"), "arxiv-metadata-oai-snapshot.head.jsonl"));
        var (reader, _) = await FormatDetector.DetectAsync(file, TestContext.Current.CancellationToken);
        Assert.IsType<ArxivMetadataReader>(reader);

        var results = await TestFiles.ReadAllAsync(reader, file);

        // SOURCE.md: 200 records, 0 parse errors, 117 with a DOI, ids 0704.0001 … 0704.0200.
        Assert.Equal(200, results.Count(r => r.Record is not null));
        Assert.Equal(117, results.Count(r => r.Record?.Doi is not null));
        Assert.Equal("0704.0001", results[0].Record!.ArxivId);
        Assert.Equal("0704.0200", results[^1].Record!.ArxivId);
        Assert.DoesNotContain(results, r => r.Record!.Title.Contains('\n', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("cora")]
    [InlineData("cora-classic")]
    public async Task Cora_LoadsTheClassicCounts(string dataset)
    {
        var file = InputFile.FromPath(Path.Combine(TestFiles.SharedData(dataset), "cora.cites"));
        using var temp = new TempDirectory();
        var (store, report) = await LoadAsync(temp, file);
        await using var _ = store;

        // SOURCE.md: 5,429 citation lines, 2,708 distinct papers; the header of ../cora is not a node.
        var stats = await store.GetStatsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, report.Rejected);
        Assert.Equal(2_708, stats.Papers);
        Assert.Equal(5_429, stats.Citations);
        Assert.Equal(5_429, report.CitationsInStore);
        Assert.Null(await store.FindPaperAsync("cora:Paper_ID", TestContext.Current.CancellationToken));
        // "35<TAB>1033" means 1033 cites 35 (the Cora README): 35 is cited, never citing, in the first lines.
        Assert.NotNull(await store.FindPaperAsync("cora:35", TestContext.Current.CancellationToken));
        Assert.Equal(1, await StoreDump.ScalarAsync(store.DatabasePath,
            "SELECT COUNT(*) FROM cites c JOIN external_id s ON s.paper_pk = c.src_pk JOIN external_id d ON d.paper_pk = c.dst_pk " +
            "WHERE s.value = 'cora:1033' AND d.value = 'cora:35'"));
    }

    [Fact]
    public async Task CitHepPh_LoadsEveryNodeAndEdge()
    {
        var file = InputFile.FromPath(Path.Combine(TestFiles.SharedData("cit-hepph-subset"), "cit-HepPh.txt"));
        var (reader, _) = await FormatDetector.DetectAsync(file, TestContext.Current.CancellationToken);
        Assert.IsType<EdgeListReader>(reader);
        using var temp = new TempDirectory();
        var clock = Stopwatch.StartNew();
        var dates = InputFile.FromPath(Path.Combine(TestFiles.SharedData("cit-hepph-subset"), "cit-HepPh-dates.txt"));
        var (store, report) = await LoadAsync(temp, file, dates);
        await using var _ = store;

        // SOURCE.md: 201,300 edges (last line without newline), 21,550 distinct nodes, 0 malformed, 25 self-loops;
        // 22,824 dated ids (every edge node dated, 1,274 dated ids without edges), years 1992-1999.
        var stats = await store.GetStatsAsync(TestContext.Current.CancellationToken);
        output.WriteLine($"cit-HepPh: {report.Loaded} records, {stats.Papers} papers, {stats.Citations} citations in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(0, report.Rejected);
        Assert.Equal(22_824, stats.Papers);
        Assert.Equal(0, await StoreDump.ScalarAsync(store.DatabasePath, "SELECT COUNT(*) FROM paper WHERE year IS NULL OR year NOT BETWEEN 1992 AND 1999"));
        Assert.Equal(201_300, stats.Citations);
        Assert.Equal(25, await StoreDump.ScalarAsync(store.DatabasePath, "SELECT COUNT(*) FROM cites WHERE src_pk = dst_pk"));
        // SOURCE.md says 213 reciprocal pairs; a recount of the file (python, set of (from, to), a != b) gives 201 unordered
        // pairs (402 directed edges), which is what the store holds.
        Assert.Equal(201, await StoreDump.ScalarAsync(store.DatabasePath,
            "SELECT COUNT(*) FROM cites a JOIN cites b ON a.src_pk = b.dst_pk AND a.dst_pk = b.src_pk WHERE a.src_pk < a.dst_pk"));
    }

    [Fact]
    public async Task CitHepThDates_ReadEveryRowAsADatedNode()
    {
        var file = InputFile.FromPath(Path.Combine(TestFiles.SharedData("cit-hepth-dates"), "cit-HepTh-dates.txt"));
        var (reader, _) = await FormatDetector.DetectAsync(file, TestContext.Current.CancellationToken);
        Assert.IsType<NodeDatesReader>(reader);

        var results = await TestFiles.ReadAllAsync(reader, file);

        // SOURCE.md: 38,557 rows, 0 malformed, 37,621 distinct ids, dates 1992-02-11 … 2002-03-12.
        Assert.Equal(38_557, results.Count(r => r.Record is not null));
        Assert.Equal(37_621, results.Select(r => r.Record!.ExternalIds[0]).Distinct().Count());
        Assert.Equal("cit-HepTh:9203201", results[0].Record!.ExternalIds[0].Value);
        Assert.Equal(new PartialDate(1992, 2, 11), results.Select(r => r.Record!.Published!.Value).MinBy(d => d.ToString()));
    }

    [Fact]
    public async Task AanAclMetadata_ReadsEveryBlockDespiteMixedEncodings()
    {
        var file = InputFile.FromPath(Path.Combine(TestFiles.SharedData("aan-acl-metadata"), "acl-metadata.txt"));
        var (reader, _) = await FormatDetector.DetectAsync(file, TestContext.Current.CancellationToken);
        Assert.IsType<AclMetadataReader>(reader);

        var results = await TestFiles.ReadAllAsync(reader, file);

        // SOURCE.md: 18,041 records, 0 unparsable lines, 0 duplicate ids, years 1965-2011, 1 record with no author,
        // Windows-1252 quotes in titles ("ELRA\x92s"), HTML entities in names.
        var records = results.Select(r => r.Record!).ToList();
        Assert.Equal(18_041, records.Count);
        Assert.Equal(18_041, records.Select(r => r.ExternalIds[0]).Distinct().Count());
        Assert.Equal(1, records.Count(r => r.Authors.Count == 0));
        Assert.InRange(records.Min(r => r.Year!.Value), 1965, 1965);
        Assert.InRange(records.Max(r => r.Year!.Value), 2011, 2011);
        Assert.Contains(records, r => r.Title.Contains("ELRA\u2019s Services", StringComparison.Ordinal));
        Assert.DoesNotContain(records, r => r.Title.Contains('\uFFFD', StringComparison.Ordinal) || r.Authors.Any(a => a.Contains('&', StringComparison.Ordinal) && a.Contains(';', StringComparison.Ordinal)));
    }

    [Fact]
    public async Task S2agSamples_ReadPapersAndCitations()
    {
        var root = TestFiles.SharedData("s2ag-samples");
        var papers = await TestFiles.ReadAllAsync(new S2PaperReader(), InputFile.FromPath(Path.Combine(root, "papers", "papers-sample.jsonl")));
        var citations = await TestFiles.ReadAllAsync(new S2PaperReader(), InputFile.FromPath(Path.Combine(root, "citations", "citations-sample.jsonl")));

        // SOURCE.md: 100 papers; 100 citations of which 23 have citedcorpusid null.
        Assert.Equal(100, papers.Count(r => r.Record is not null));
        Assert.Equal(77, citations.Sum(r => r.Record?.References.Count ?? 0));
        Assert.Equal(23, citations.Count(r => r.Rejection is not null));
    }

    [Fact]
    public async Task S2LabCitationEdges_LoadAsAGraph()
    {
        var file = InputFile.FromPath(Path.Combine(TestFiles.SharedData("s2ag-samples"), "lab-citations-edges.jsonl"));
        using var temp = new TempDirectory();
        var (store, report) = await LoadAsync(temp, file);
        await using var _ = store;

        // SOURCE.md: 12,111 edges, 10,007 distinct ids, 0 duplicates, 0 self-loops.
        var stats = await store.GetStatsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, report.Rejected);
        Assert.Equal(10_007, stats.Papers);
        Assert.Equal(12_111, stats.Citations);
    }

    [Fact]
    public async Task RealFiles_LoadedTwice_ChangeNoTable()
    {
        InputFile[] inputs =
        [
            InputFile.FromPath(Path.Combine(TestFiles.SharedData("arxiv-metadata-sample"), "arxiv-metadata-oai-snapshot.head.jsonl")),
            InputFile.FromPath(Path.Combine(TestFiles.SharedData("cora"), "cora.cites")),
            InputFile.FromPath(Path.Combine(TestFiles.SharedData("s2ag-samples"), "papers", "papers-sample.jsonl")),
            InputFile.FromPath(Path.Combine(TestFiles.SharedData("s2ag-samples"), "citations", "citations-sample.jsonl")),
            .. Files(Path.Combine(TestFiles.SharedData("hf-daily-papers-api"), "daily"), "2024-12-1*.json"),
        ];
        using var temp = new TempDirectory();
        var (first, _) = await LoadAsync(temp, inputs);
        await first.DisposeAsync();
        var before = await StoreDump.DumpAsync(temp.File("real.db"));

        var (second, report) = await LoadAsync(temp, inputs);
        await second.DisposeAsync();

        Assert.Equal(0, report.New);
        Assert.Equal(before, await StoreDump.DumpAsync(temp.File("real.db")));
    }
}
