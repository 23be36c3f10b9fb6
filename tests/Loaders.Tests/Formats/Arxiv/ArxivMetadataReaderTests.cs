using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Formats.Arxiv;
using CiteGraph.Loaders.Reading;
using CiteGraph.Loaders.Tests.Support;
using CiteGraph.Loaders.Text;

namespace CiteGraph.Loaders.Tests.Formats.Arxiv;

public class ArxivMetadataReaderTests
{
    [Fact]
    public async Task ReadAsync_Snapshot_ReadsRecordsAndRejectsBadLines()
    {
        var results = await TestFiles.ReadAllAsync(new ArxivMetadataReader(), TestFiles.Fixture("arxiv/snapshot.jsonl"));

        Assert.Equal(["2501.00001", "hep-th/9901001", "2501.00006"], results.Where(r => r.Record is not null).Select(r => r.Record!.ArxivId));
        var rejections = results.Where(r => r.Rejection is not null).Select(r => r.Rejection!).ToList();
        Assert.Equal([3, 4, 5], rejections.Select(r => r.Line));
        Assert.Contains("incomplete JSON", rejections[0].Reason, StringComparison.Ordinal);
        Assert.Contains("without an arXiv id", rejections[1].Reason, StringComparison.Ordinal);
        Assert.Contains("no title", rejections[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Record_UnwrapsTitleAndAbstractAndUsesFirstVersionDate()
    {
        var results = await TestFiles.ReadAllAsync(new ArxivMetadataReader(), TestFiles.Fixture("arxiv/snapshot.jsonl"));
        var paper = results[0].Record!;

        Assert.Equal("Sparse Lanterns: Efficient Attention for Long Documents", paper.Title);
        Assert.StartsWith("We present Sparse Lanterns, a direct preference optimization (DPO) variant.", paper.Abstract, StringComparison.Ordinal);
        Assert.Equal(new PartialDate(2025, 1, 2), paper.Published);
        Assert.Equal("10.5555/lanterns.2025.1", paper.Doi);
        Assert.Equal(["Ada Quill", "Bo Lindqvist"], paper.Authors);
        Assert.Equal("https://github.com/fictional-lab/sparse-lanterns", Assert.Single(paper.Repos).Repo.Url);
        Assert.Equal("arxiv", paper.Source.Format);
    }

    [Fact]
    public async Task ReadAsync_AuthorsString_IsSplitWhenAuthorsParsedIsMissing()
    {
        var results = await TestFiles.ReadAllAsync(new ArxivMetadataReader(), TestFiles.Fixture("arxiv/snapshot.jsonl"));

        Assert.Equal([LatexText.Clean("C. Bal\\'azs"), "E. L. Berger", "P. M. Nadolsky"], results[1].Record!.Authors);
        Assert.Equal(["Zoe Park", "Li Na", "Omar Haddad"], results[^1].Record!.Authors);
        Assert.Equal(new PartialDate(1999, 1, 1), results[1].Record!.Published);
    }

    [Fact]
    public async Task ReadAsync_WrongWeekday_StillReadsTheFirstVersionDate()
    {
        using var dir = new CiteGraph.Tests.TempDirectory();
        var path = Path.Combine(dir.Path, "wrong-weekday.jsonl");
        // 1 June 2011 was a Wednesday; exports that write "Mon" for every date must not lose the date.
        await File.WriteAllTextAsync(path, """
            {"id": "1106.0800", "title": "Optimal Reinforcement Learning for Gaussian Systems", "abstract": "We study exploration.", "authors": "", "categories": "cs.LG", "versions": [{"version": "v1", "created": "Mon, 1 Jun 2011 00:00:00 GMT"}]}
            """, TestContext.Current.CancellationToken);

        var paper = Assert.Single(await TestFiles.ReadAllAsync(new ArxivMetadataReader(), new InputFile(path, () => File.OpenRead(path)))).Record!;

        Assert.Equal(new PartialDate(2011, 6, 1), paper.Published);
    }
}
