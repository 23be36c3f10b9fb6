using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Formats.SemanticScholar;
using CiteGraph.Loaders.Tests.Support;

namespace CiteGraph.Loaders.Tests.Formats.SemanticScholar;

public class S2PaperReaderTests
{
    [Fact]
    public async Task ReadAsync_GraphApiPapers_MapsIdsAndReferences()
    {
        var results = await TestFiles.ReadAllAsync(new S2PaperReader(), TestFiles.Fixture("s2/papers.json"));

        var paper = results[0].Record!;
        Assert.Equal("2501.00001", paper.ArxivId);
        Assert.Equal("10.5555/lanterns.2025.1", paper.Doi);
        Assert.Equal(
            [new ExternalId(ExternalIdKind.S2, "649def34f8be52c8b66281af98ae884c09aef38b"), new ExternalId(ExternalIdKind.S2, "CorpusId:270000001")],
            paper.ExternalIds);
        Assert.Equal(
            [new ExternalId(ExternalIdKind.S2, "aaaa000000000000000000000000000000000001"), new ExternalId(ExternalIdKind.Arxiv, "2301.00002")],
            paper.References);
        Assert.Equal(new PartialDate(2025, 1, 2), paper.Published);
        Assert.Equal(2023, results[1].Record!.Year);
        Assert.Contains("no title", results[2].Rejection!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_S2agRows_ReadLowerCaseNamesAndRejectAbstractRows()
    {
        var results = await TestFiles.ReadAllAsync(new S2PaperReader(), TestFiles.Fixture("s2/s2ag-papers.jsonl"));

        var paper = results[0].Record!;
        Assert.Equal(
            [new ExternalId(ExternalIdKind.S2, "d5ec1ea2c9261c54cf41fef1e5c9f2f8abe28ce2"), new ExternalId(ExternalIdKind.S2, "CorpusId:108228682")],
            paper.ExternalIds);
        Assert.Equal(2018, paper.Year);
        Assert.Equal(["Raid D. Thanoon"], paper.Authors);
        Assert.Contains("abstract row without title", results[1].Rejection!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_CitationRows_BecomeIdOnlyPapersWithReferences()
    {
        var results = await TestFiles.ReadAllAsync(new S2PaperReader(), TestFiles.Fixture("s2/citations.jsonl"));

        var records = results.Where(r => r.Record is not null).Select(r => r.Record!).ToList();
        var rejection = Assert.Single(results, r => r.Rejection is not null).Rejection!;
        Assert.Equal(3, rejection.Line);
        Assert.Contains("cited corpus id", rejection.Reason, StringComparison.Ordinal);
        Assert.Equal(3, records.Select(r => r.ExternalIds[0]).Distinct().Count());
        Assert.Equal(3, records.Sum(r => r.References.Count));
        var citing = Assert.Single(records, r => r.ExternalIds[0].Value == "CorpusId:20187272");
        Assert.Equal(2, citing.References.Count);
        Assert.All(records, r => Assert.Equal("s2-citations-ids", r.Source.Format));
    }
}
