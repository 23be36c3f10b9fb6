using CiteGraph.Tests;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Loaders.Tests.Support;

namespace CiteGraph.Loaders.Tests.Ingest;

public class IngestorInputsTests
{
    private static async Task<LoadReport> LoadAsync(TempDirectory temp, IngestOptions? options, params InputFile[] inputs)
    {
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = temp.File("g.db") });
        return await Loading.LoadAndDeriveAsync(store, options, inputs, cancellationToken: TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Load_GzippedListing_IsDetectedAndRead()
    {
        using var temp = new TempDirectory();
        var gz = TestFiles.Gzipped(TestFiles.Fixture("cross/listing.txt"), temp.Path, "listing.txt.gz");

        var report = await LoadAsync(temp, null, gz);

        Assert.Equal(2, report.Loaded);
        Assert.Equal("hf-listing-b", Assert.Single(report.Files).Format);
    }

    [Fact]
    public async Task Load_TruncatedGzip_KeepsWhatWasReadAndReportsTheRest()
    {
        using var temp = new TempDirectory();
        var lines = string.Join('\n', Enumerable.Range(1, 3000).Select(i => $"{i}\t{i + 1}"));
        await File.WriteAllTextAsync(temp.File("edges.txt"), lines, TestContext.Current.CancellationToken);
        var gz = TestFiles.Gzipped(InputFile.FromPath(temp.File("edges.txt")), temp.Path, "edges.txt.gz");
        var bytes = await File.ReadAllBytesAsync(temp.File("edges.txt.gz"), TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(temp.File("cut.txt.gz"), bytes[..(bytes.Length * 2 / 3)], TestContext.Current.CancellationToken);

        var report = await LoadAsync(temp, null, InputFile.FromPath(temp.File("cut.txt.gz")), gz);

        var stop = Assert.Single(report.Rejections, r => r.Source.EndsWith("cut.txt.gz", StringComparison.Ordinal));
        Assert.StartsWith("reading stopped", stop.Reason, StringComparison.Ordinal);
        Assert.InRange(stop.Line, 2, 2999);
        Assert.True(report.Files[0].Loaded > 0, "records before the cut are kept");
        Assert.Equal(0, report.Files[1].Rejected);
    }

    [Fact]
    public async Task Load_FormatOption_OverridesDetectionForEveryInput()
    {
        using var temp = new TempDirectory();

        var report = await LoadAsync(temp, new IngestOptions { Format = "edgelist" }, TestFiles.Fixture("hf/paper.json"));

        Assert.Equal(0, report.Loaded);
        Assert.Equal("edgelist", Assert.Single(report.Files).Format);
    }

    [Fact]
    public async Task Load_UnknownFormatOption_RejectsTheInputWithTheKnownNames()
    {
        using var temp = new TempDirectory();

        var report = await LoadAsync(temp, new IngestOptions { Format = "bibtex" }, TestFiles.Fixture("hf/paper.json"));

        Assert.Contains("hf-json", Assert.Single(report.Rejections).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_EdgeDirectionOption_ReversesTheEdges()
    {
        using var temp = new TempDirectory();

        var report = await LoadAsync(temp, new IngestOptions { EdgeDirection = EdgeDirection.CitingCited }, TestFiles.Fixture("edges/classic.cites"));
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = temp.File("g.db") });

        Assert.Equal(4, report.CitationsInStore);
        Assert.Equal(1, await StoreDump.ScalarAsync(temp.File("g.db"),
            "SELECT COUNT(*) FROM cites c JOIN external_id s ON s.paper_pk = c.src_pk JOIN external_id d ON d.paper_pk = c.dst_pk " +
            "WHERE s.value = 'classic:35' AND d.value = 'classic:1033'"));
    }
}
