using CiteGraph.Tests;
using CiteGraph.Loaders.Formats.Acl;
using CiteGraph.Loaders.Formats.Arxiv;
using CiteGraph.Loaders.Formats.EdgeLists;
using CiteGraph.Loaders.Formats.HuggingFace;
using CiteGraph.Loaders.Formats.OpenAlex;
using CiteGraph.Loaders.Formats.OpenCitations;
using CiteGraph.Loaders.Formats.SemanticScholar;
using CiteGraph.Loaders.Listings;
using CiteGraph.Loaders.Reading;
using CiteGraph.Loaders.Tests.Support;

namespace CiteGraph.Loaders.Tests.Reading;

public class FormatDetectorTests
{
    [Theory]
    [InlineData("hf/daily_papers.json", typeof(HfPaperJsonReader))]
    [InlineData("hf/daily_papers.jsonl", typeof(HfPaperJsonReader))]
    [InlineData("hf/envelope.json", typeof(HfPaperJsonReader))]
    [InlineData("hf/paper.json", typeof(HfPaperJsonReader))]
    [InlineData("hf/scraped.json", typeof(HfPaperJsonReader))]
    [InlineData("arxiv/snapshot.jsonl", typeof(ArxivMetadataReader))]
    [InlineData("openalex/works.jsonl", typeof(OpenAlexWorkReader))]
    [InlineData("openalex/page.json", typeof(OpenAlexWorkReader))]
    [InlineData("s2/papers.json", typeof(S2PaperReader))]
    [InlineData("s2/s2ag-papers.jsonl", typeof(S2PaperReader))]
    [InlineData("s2/citations.jsonl", typeof(S2PaperReader))]
    [InlineData("edges/Cit-Tiny.txt", typeof(EdgeListReader))]
    [InlineData("edges/tiny.cites", typeof(EdgeListReader))]
    [InlineData("edges/tiny.content", typeof(CoraContentReader))]
    [InlineData("edges/classic.cites", typeof(EdgeListReader))]
    [InlineData("refs/arxiv-refs.tsv", typeof(EdgeListReader))]
    [InlineData("refs/doi-header.tsv", typeof(EdgeListReader))]
    [InlineData("refs/coci.csv", typeof(OpenCitationsCsvReader))]
    [InlineData("refs/index.csv", typeof(OpenCitationsCsvReader))]
    [InlineData("acl/acl-metadata.txt", typeof(AclMetadataReader))]
    [InlineData("cross/listing.txt", typeof(ListingReader))]
    [InlineData("openalex/late.jsonl", typeof(OpenAlexWorkReader))]
    public async Task DetectAsync_ByContent_ChoosesTheReader(string fixture, Type expected)
    {
        var (reader, problem) = await FormatDetector.DetectAsync(TestFiles.Fixture(fixture), TestContext.Current.CancellationToken);

        Assert.Null(problem);
        Assert.IsType(expected, reader);
    }

    [Fact]
    public async Task DetectAsync_GzipWithoutGzExtension_ChoosesByDecompressedContent()
    {
        using var temp = new TempDirectory();
        var gz = TestFiles.Gzipped(TestFiles.Fixture("openalex/works.jsonl"), temp.Path, "works.bin");

        var (reader, _) = await FormatDetector.DetectAsync(gz, TestContext.Current.CancellationToken);

        Assert.IsType<OpenAlexWorkReader>(reader);
    }

    [Fact]
    public async Task DetectAsync_FormatOverride_WinsOverContent()
    {
        var (reader, _) = await FormatDetector.DetectAsync(
            TestFiles.Fixture("hf/paper.json"), new ReadOptions("openalex"), TestContext.Current.CancellationToken);

        Assert.IsType<OpenAlexWorkReader>(reader);
    }

    [Fact]
    public async Task DetectAsync_UnknownFormatName_IsAProblemNamingTheKnownOnes()
    {
        var (reader, problem) = await FormatDetector.DetectAsync(
            TestFiles.Fixture("hf/paper.json"), new ReadOptions("bibtex"), TestContext.Current.CancellationToken);

        Assert.Null(reader);
        Assert.Contains("openalex", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetectAsync_NodeDatesFile_IsNotTakenForAnEdgeList()
    {
        var (reader, problem) = await FormatDetector.DetectAsync(TestFiles.Fixture("edges/node-dates.txt"), TestContext.Current.CancellationToken);

        Assert.Null(problem);
        Assert.IsType<NodeDatesReader>(reader);
    }

    [Theory]
    [InlineData("paper.pdf", "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n\u0000\u0001\u0002stream", "a PDF document")]
    [InlineData("Daily Papers - Hugging Face.html", "\uFEFF\n  <!DOCTYPE html>\n<html class=\"\"><head><title>Daily Papers - Hugging Face</title></head><body>Daily Papers\nSubscribe</body></html>", "a saved HTML page")]
    [InlineData("saved.htm", "<html><body><h1>Daily Papers</h1></body></html>", "a saved HTML page")]
    public async Task DetectAsync_PdfOrSavedHtml_SaysWhatToSaveInstead(string name, string content, string kind)
    {
        var bytes = name.EndsWith(".pdf", StringComparison.Ordinal)
            ? System.Text.Encoding.Latin1.GetBytes(content)
            : System.Text.Encoding.UTF8.GetBytes(content);
        var input = new InputFile(name, () => new MemoryStream(bytes));

        var (reader, problem) = await FormatDetector.DetectAsync(input, TestContext.Current.CancellationToken);

        Assert.Null(reader);
        Assert.StartsWith(kind, problem, StringComparison.Ordinal);
        Assert.Contains("save the Hugging Face papers page as text", problem, StringComparison.Ordinal);
        Assert.Contains("api/daily_papers", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetectAsync_Unrecognisable_SaysWhy()
    {
        using var temp = new TempDirectory();
        await File.WriteAllTextAsync(temp.File("df.csv"), ",from,to,date_x\n0,1034,1004,2000-01-05\n1,10060,1006,2000-10-06\n", TestContext.Current.CancellationToken);

        var (reader, problem) = await FormatDetector.DetectAsync(InputFile.FromPath(temp.File("df.csv")), TestContext.Current.CancellationToken);

        Assert.Null(reader);
        Assert.StartsWith("unknown layout", problem, StringComparison.Ordinal);
    }
}
