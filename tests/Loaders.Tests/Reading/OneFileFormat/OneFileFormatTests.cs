using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Tests;

namespace CiteGraph.Loaders.Tests.Reading.OneFileFormat;

/// <summary>Adding a format is one reader file: a format registered from another assembly is detected, named and loaded like a built-in one.</summary>
public sealed class OneFileFormatTests
{
    private const string Content = TitleListFormat.Header + "\n2019\tSparse Lattice Attention\n2021\tDense Lattice Attention Revisited\nnot a year\tBroken\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly FormatRegistry Registry = FormatRegistry.Default.With(new TitleListFormat());

    [Fact]
    public async Task A_registered_format_is_detected_by_content_and_loaded_by_the_ingestor()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("papers.txt", Content);
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = dir.File("graph.db") });

        var report = await new Ingestor(store, new IngestOptions { Formats = Registry }).LoadAsync([InputFile.FromPath(file)], cancellationToken: Ct);

        var only = Assert.Single(report.Files);
        Assert.Equal(("title-list", 3, 2, 1), (only.Format, only.Read, only.Loaded, only.Rejected));
        Assert.Equal($"{file}:4: expected a year, a tab and a title", Assert.Single(report.Rejections).ToString());
        Assert.Equal(2, (await store.GetStatsAsync(Ct)).Papers);
    }

    [Fact]
    public async Task A_registered_format_is_listed_and_found_by_name_and_alias()
    {
        using var dir = new TempDirectory();
        var input = InputFile.FromPath(dir.Write("papers.tsv", Content));

        var (byAlias, problem) = await FormatDetector.DetectAsync(input, new ReadOptions("TITLES") { Formats = Registry }, Ct);

        Assert.Null(problem);
        Assert.Equal("title-list", byAlias!.Format);
        Assert.Equal("title-list", Registry.Names[0]);
        Assert.Contains("title-list", Registry.UnknownFormat("bibtex"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_registration_the_same_file_is_not_read_as_that_format()
    {
        using var dir = new TempDirectory();
        var input = InputFile.FromPath(dir.Write("papers.txt", Content));

        var (reader, _) = await FormatDetector.DetectAsync(input, Ct);
        var (named, problem) = await FormatDetector.DetectAsync(input, new ReadOptions("title-list"), Ct);

        Assert.NotEqual("title-list", reader?.Format);
        Assert.Null(named);
        Assert.StartsWith("unknown format 'title-list'", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("title-list", FormatRegistry.Default.Names);
    }
}
