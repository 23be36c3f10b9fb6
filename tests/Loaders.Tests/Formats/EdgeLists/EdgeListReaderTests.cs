using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Formats.EdgeLists;
using CiteGraph.Loaders.Reading;
using CiteGraph.Loaders.Tests.Support;

namespace CiteGraph.Loaders.Tests.Formats.EdgeLists;

public class EdgeListReaderTests
{
    private static ExternalId Node(string value) => new(ExternalIdKind.EdgeList, value);

    [Fact]
    public async Task ReadAsync_SnapFile_SkipsCommentsAndReadsEveryNodeAndEdge()
    {
        var results = await TestFiles.ReadAllAsync(new EdgeListReader(), TestFiles.Fixture("edges/Cit-Tiny.txt"));

        var records = results.Where(r => r.Record is not null).Select(r => r.Record!).ToList();
        Assert.Equal(
            ["Cit-Tiny:1001", "Cit-Tiny:42", "Cit-Tiny:9301253", "Cit-Tiny:9504304", "Cit-Tiny:9907233"],
            records.Select(r => r.ExternalIds[0].Value).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(6, records.Sum(r => r.References.Count));
        var rejection = Assert.Single(results, r => r.Rejection is not null).Rejection!;
        Assert.Equal(10, rejection.Line);
        var loop = Assert.Single(records, r => r.ExternalIds[0].Value == "Cit-Tiny:9907233");
        Assert.Equal([Node("Cit-Tiny:9907233"), Node("Cit-Tiny:1001")], loop.References);
        Assert.Equal(12, records[^1].Source.Line);
        Assert.Equal("edgelist-ids", records[0].Source.Format);
    }

    [Fact]
    public async Task ReadAsync_CoraCitesWithHeader_HeaderIsNotANodeAndSecondColumnCites()
    {
        var results = await TestFiles.ReadAllAsync(new EdgeListReader(), TestFiles.Fixture("edges/tiny.cites"));

        var records = results.Select(r => r.Record!).ToList();
        Assert.Equal(["tiny:1033", "tiny:103482", "tiny:35"], records.Select(r => r.ExternalIds[0].Value).Distinct().Order(StringComparer.Ordinal));
        var cites35 = records.Where(r => r.References.Contains(Node("tiny:35"))).Select(r => r.ExternalIds[0].Value).ToList();
        Assert.Equal(["tiny:1033", "tiny:103482"], cites35.Order(StringComparer.Ordinal));
        Assert.Equal(4, records.Sum(r => r.References.Count));
    }

    [Fact]
    public async Task ReadAsync_ExplicitDirection_OverridesTheCoraConvention()
    {
        var results = await TestFiles.ReadAllAsync(new EdgeListReader(EdgeDirection.CitingCited), TestFiles.Fixture("edges/classic.cites"));

        var from35 = results.Select(r => r.Record!).Where(r => r.ExternalIds[0].Value == "classic:35").SelectMany(r => r.References);
        Assert.Equal([Node("classic:1033"), Node("classic:103482")], from35);
    }

    [Fact]
    public async Task CoraContent_ReadsNodesAndRejectsMalformedLines()
    {
        var results = await TestFiles.ReadAllAsync(new CoraContentReader(), TestFiles.Fixture("edges/tiny.content"));

        Assert.Equal(["tiny:35", "tiny:1033", "tiny:999"], results.Where(r => r.Record is not null).Select(r => r.Record!.ExternalIds[0].Value));
        Assert.Equal(3, Assert.Single(results, r => r.Rejection is not null).Rejection!.Line);
    }

    [Fact]
    public async Task NodeDates_DateTheNodesOfTheMatchingEdgeList()
    {
        var results = await TestFiles.ReadAllAsync(new NodeDatesReader(), TestFiles.Fixture("edges/node-dates.txt"));

        var first = results[0].Record!;
        Assert.Equal(new ExternalId(ExternalIdKind.EdgeList, "node:9203201"), Assert.Single(first.ExternalIds));
        Assert.Equal(new PartialDate(1992, 2, 24), first.Published);
        Assert.Equal(2, results.Count);
    }
}
