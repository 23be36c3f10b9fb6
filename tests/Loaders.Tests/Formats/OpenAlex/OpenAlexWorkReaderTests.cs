using System.Text.Json;
using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Formats.OpenAlex;
using CiteGraph.Loaders.Tests.Support;

namespace CiteGraph.Loaders.Tests.Formats.OpenAlex;

public class OpenAlexWorkReaderTests
{
    [Fact]
    public async Task ReadAsync_Works_RebuildsAbstractsAndTakesReferences()
    {
        var results = await TestFiles.ReadAllAsync(new OpenAlexWorkReader(), TestFiles.Fixture("openalex/works.jsonl"));
        var records = results.Where(r => r.Record is not null).Select(r => r.Record!).ToList();

        Assert.Equal(3, records.Count);
        var lanterns = records[0];
        Assert.Equal("We present Sparse Lanterns, a variant of attention. Code: https://github.com/fictional-lab/sparse-lanterns", lanterns.Abstract);
        Assert.Equal("10.5555/lanterns.2025.1", lanterns.Doi);
        Assert.Equal("2501.00001", lanterns.ArxivId);
        Assert.Equal(new ExternalId(ExternalIdKind.OpenAlex, "W4000000001"), Assert.Single(lanterns.ExternalIds));
        Assert.Equal([new ExternalId(ExternalIdKind.OpenAlex, "W4000000002"), new ExternalId(ExternalIdKind.OpenAlex, "W4000000003")], lanterns.References);
        Assert.Equal(["Ada Quill", "Bo Lindqvist"], lanterns.Authors);
        Assert.Equal("https://github.com/fictional-lab/sparse-lanterns", Assert.Single(lanterns.Repos).Repo.Url);
        Assert.Equal("Moths flames and again.", records[2].Abstract);
        Assert.Equal(2, records[2].References.Count);
    }

    [Fact]
    public async Task ReadAsync_BadWorks_AreRejectedWithTheirLines()
    {
        var results = await TestFiles.ReadAllAsync(new OpenAlexWorkReader(), TestFiles.Fixture("openalex/works.jsonl"));

        var rejections = results.Where(r => r.Rejection is not null).Select(r => r.Rejection!).ToList();
        Assert.Equal([4, 5], rejections.Select(r => r.Line));
        Assert.Contains("not an OpenAlex work id", rejections[0].Reason, StringComparison.Ordinal);
        Assert.Contains("no title", rejections[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ApiPage_ReadsResultsAndArxivDataCiteDoi()
    {
        var results = await TestFiles.ReadAllAsync(new OpenAlexWorkReader(), TestFiles.Fixture("openalex/page.json"));

        Assert.Equal(2, results.Count);
        Assert.Equal("2302.00006", results[1].Record!.ArxivId);
    }

    [Fact]
    public void RebuildAbstract_PositionsOutOfOrder_PutsWordsInPositionOrder()
    {
        using var doc = JsonDocument.Parse("""{"b":[1,3],"a":[0],"c":[2]}""");

        Assert.Equal("a b c b", OpenAlexWorkReader.RebuildAbstract(doc.RootElement));
    }

    [Theory]
    [InlineData("https://openalex.org/W2741809807", "W2741809807")]
    [InlineData("w2741809807", "W2741809807")]
    [InlineData("https://openalex.org/A123", null)]
    [InlineData("", null)]
    public void WorkId_Variants(string text, string? expected)
    {
        // The work id as the reader reads it: a JSON string value, in place.
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(text));
        Assert.Equal(expected, OpenAlexFields.WorkId(doc.RootElement));
    }
}
