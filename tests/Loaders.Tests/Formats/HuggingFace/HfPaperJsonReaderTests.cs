using CiteGraph.Tests;
using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Formats.HuggingFace;
using CiteGraph.Loaders.Tests.Support;

namespace CiteGraph.Loaders.Tests.Formats.HuggingFace;

public class HfPaperJsonReaderTests
{
    [Fact]
    public async Task ReadAsync_DailyPapersArray_ReadsEntriesAndRejectsBadOnesWithLines()
    {
        var results = await TestFiles.ReadAllAsync(new HfPaperJsonReader(), TestFiles.Fixture("hf/daily_papers.json"));

        var records = results.Where(r => r.Record is not null).Select(r => r.Record!).ToList();
        var rejections = results.Where(r => r.Rejection is not null).Select(r => r.Rejection!).ToList();
        Assert.Equal(["2501.00001", "2405.99999", "2412.07730", "2501.00003"], records.Select(r => r.ArxivId));
        Assert.Equal(3, rejections.Count);
        Assert.Equal(43, rejections[0].Line);
        Assert.Equal(44, rejections[1].Line);
        Assert.Equal(45, rejections[2].Line);
        Assert.Contains("a number", rejections[0].Reason, StringComparison.Ordinal);
        Assert.Contains("2501.00002 has no title", rejections[1].Reason, StringComparison.Ordinal);
        Assert.Contains("Python literal", rejections[2].Reason, StringComparison.Ordinal);
        Assert.All(rejections, r => Assert.Equal("Fixtures/hf/daily_papers.json", r.Source));
    }

    [Fact]
    public async Task ReadAsync_ModernEntry_MapsEveryField()
    {
        var results = await TestFiles.ReadAllAsync(new HfPaperJsonReader(), TestFiles.Fixture("hf/daily_papers.json"));
        var paper = results[0].Record!;

        Assert.Equal("Sparse Lanterns: Efficient Attention for Long Documents", paper.Title);
        Assert.Equal(new PartialDate(2025, 1, 2), paper.Published);
        Assert.Equal(42, paper.Upvotes);
        Assert.Equal(["Ada Quill", "Bo Lindqvist"], paper.Authors);
        Assert.Equal(2, paper.AuthorsCount);
        Assert.Equal("Fictional Lab", paper.Organization);
        Assert.Equal("https://github.com/fictional-lab/sparse-lanterns", Assert.Single(paper.Repos).Repo.Url);
        Assert.Contains(paper.Links, l => l.Url == "https://fictional-lab.github.io/lanterns" && l.Kind == LinkKind.ProjectPage);
        Assert.Contains(paper.Links, l => l.Kind == LinkKind.ModelHub);
        Assert.Contains(new ExternalId(ExternalIdKind.Arxiv, "2312.00752"), paper.Mentions);
        Assert.Equal(new SourceRef("Fixtures/hf/daily_papers.json", 2, "hf-json"), paper.Source);
    }

    [Fact]
    public async Task ReadAsync_SchemaDrift_OldEntriesAndPythonReprStringsAreRead()
    {
        var results = await TestFiles.ReadAllAsync(new HfPaperJsonReader(), TestFiles.Fixture("hf/daily_papers.json"));
        var old = results[1].Record!;
        var repr = results[2].Record!;

        Assert.Equal(7, old.Upvotes);
        Assert.Equal("An older entry from before ai_keywords and githubRepo existed, hard-wrapped like the 2024 files.", old.Abstract);
        Assert.Empty(old.Repos);
        Assert.Equal("Repr Papers Aren't JSON", repr.Title);
        Assert.Equal(["Zed O'Hara"], repr.Authors);
        Assert.Equal(3, repr.Upvotes);
        Assert.Equal(["Dee Ray", "Eli Stone"], results[^1].Record!.Authors);
    }

    [Fact]
    public async Task ReadAsync_Envelope_ReadsItsDataArray()
    {
        var results = await TestFiles.ReadAllAsync(new HfPaperJsonReader(), TestFiles.Fixture("hf/envelope.json"));

        Assert.Equal(["Envelope Paper One", "Envelope Paper Two"], results.Select(r => r.Record!.Title));
    }

    [Fact]
    public async Task ReadAsync_SinglePaperObject_ReadsOnePaperWithoutVersion()
    {
        var results = await TestFiles.ReadAllAsync(new HfPaperJsonReader(), TestFiles.Fixture("hf/paper.json"));

        var paper = Assert.Single(results).Record!;
        Assert.Equal("2501.00001", paper.ArxivId);
        Assert.Equal(44, paper.Upvotes);
    }

    [Fact]
    public async Task ReadAsync_JsonLinesWithBrokenLines_RejectsThoseLinesAndGoesOn()
    {
        var results = await TestFiles.ReadAllAsync(new HfPaperJsonReader(), TestFiles.Fixture("hf/daily_papers.jsonl"));

        Assert.Equal(["Lines Paper A", "Lines Paper C", "Lines Paper E"], results.Where(r => r.Record is not null).Select(r => r.Record!.Title));
        Assert.Equal([2, 5], results.Where(r => r.Rejection is not null).Select(r => r.Rejection!.Line));
        Assert.Equal([1, 3, 6], results.Where(r => r.Record is not null).Select(r => r.Record!.Source.Line));
    }

    [Fact]
    public async Task ReadAsync_TruncatedArray_KeepsCompleteEntriesAndReportsTheCut()
    {
        var results = await TestFiles.ReadAllAsync(new HfPaperJsonReader(), TestFiles.Fixture("hf/truncated.json"));

        Assert.Equal("Before The Cut", results[0].Record!.Title);
        var cut = Assert.Single(results, r => r.Rejection is not null).Rejection!;
        Assert.Equal(3, cut.Line);
        Assert.Contains("truncated", cut.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Gzipped_IsRecognisedByMagicBytes()
    {
        using var temp = new TempDirectory();
        var gz = TestFiles.Gzipped(TestFiles.Fixture("hf/envelope.json"), temp.Path, "envelope.data");

        var results = await TestFiles.ReadAllAsync(new HfPaperJsonReader(), gz);

        Assert.Equal(2, results.Count(r => r.Record is not null));
    }

    [Fact]
    public async Task ReadAsync_ScrapedList_TakesIdStarsAndGithubLinksButNotTheBogusAbstract()
    {
        var results = await TestFiles.ReadAllAsync(new HfPaperJsonReader(), TestFiles.Fixture("hf/scraped.json"));

        var paper = Assert.Single(results).Record!;
        Assert.Equal("2601.06789", paper.ArxivId);
        Assert.Equal(19, paper.Upvotes);
        Assert.Null(paper.Abstract);
        Assert.Equal("https://github.com/quantaalpha/memgovern", Assert.Single(paper.Repos).Repo.Url);
        Assert.Equal("hf-scraped", paper.Source.Format);
    }

    [Fact]
    public async Task ReadAsync_JsonLinesWithBrokenFirstLine_ReadsTheRest()
    {
        var results = await TestFiles.ReadAllAsync(new HfPaperJsonReader(), TestFiles.Fixture("hf/broken-first-line.jsonl"));

        Assert.Equal(1, results[0].Rejection!.Line);
        Assert.Equal(["Second Line Fine", "Third Line Fine"], results.Skip(1).Select(r => r.Record!.Title));
    }
}
