using System.Text.Json;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;

namespace CiteGraph.GraphQL.Tests;

/// <summary>The community hierarchy over GraphQL: a level's communities, a paper's community at a level, parents and central papers.</summary>
public sealed class CommunityLevelQueryTests(DemoSchemaFixture demo) : IClassFixture<DemoSchemaFixture>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string[] _ids = [];

    /// <summary>Level 0: one field of every demo paper; level 1: the first two papers, and the rest.</summary>
    public async ValueTask InitializeAsync()
    {
        var page = await demo.Store.QueryPapersAsync(new PaperQuery(new PaperFilter(), 100), Ct);
        _ids = page.Items.Select(i => i.Paper.Id).Order(StringComparer.Ordinal).ToArray();
        var n = _ids.Length;
        await demo.Store.WriteAnalyticsAsync(new AnalyticsResults
        {
            NodeIds = _ids,
            Community = new int[n],
            CommunityLevels = [new int[n], [.. Enumerable.Range(0, n).Select(i => i < 2 ? 2 : 1)]],
            Communities =
            [
                new Community(0, 0, n, "lattice · attention") { CentralPapers = [_ids[1], _ids[0]] },
                new Community(1, 1, n - 2, "sparse · kernels") { Parent = 0, CentralPapers = [_ids[2]] },
                new Community(2, 1, 2, "graph · weaver") { Parent = 0, CentralPapers = [_ids[1], _ids[0]] },
            ],
            Modularity = 0.2,
            Graph = "hybrid: citations + cotopic",
            Algorithms = ["leiden"],
            RanAt = DateTimeOffset.UtcNow,
        }, Ct);
        await demo.RebuildSnapshotAsync();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Communities_of_a_level_list_their_parent_central_papers_and_members()
    {
        var response = await demo.ExecuteAsync(
            "{ fields: communities { totalCount items { label size } } subfields: communities(level: 1) { totalCount items { label level size " +
            "parent { label } centralPapers { id } papers(first: 50) { totalCount } } } }");
        var data = response.GetProperty("data");

        Assert.Equal(1, data.GetProperty("fields").GetProperty("totalCount").GetInt32());
        var subfields = data.GetProperty("subfields");
        Assert.Equal(2, subfields.GetProperty("totalCount").GetInt32());
        var largest = subfields.GetProperty("items")[0];
        Assert.Equal(("sparse · kernels", 1, _ids.Length - 2), (largest.GetProperty("label").GetString(), largest.GetProperty("level").GetInt32(), largest.GetProperty("size").GetInt32()));
        Assert.Equal("lattice · attention", largest.GetProperty("parent").GetProperty("label").GetString());
        Assert.Equal(_ids.Length - 2, largest.GetProperty("papers").GetProperty("totalCount").GetInt32());
        var smallest = subfields.GetProperty("items")[1];
        Assert.Equal([_ids[1], _ids[0]], smallest.GetProperty("centralPapers").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_paper_names_its_community_at_each_level()
    {
        var response = await demo.ExecuteAsync(
            "query($id: ID!) { paper(id: $id) { field: community { label } subfield: community(level: 1) { label } deeper: community(level: 2) { label } } }",
            new global::GraphQL.Inputs(new Dictionary<string, object?> { ["id"] = _ids[0] }));
        var paper = response.GetProperty("data").GetProperty("paper");

        Assert.Equal("lattice · attention", paper.GetProperty("field").GetProperty("label").GetString());
        Assert.Equal("graph · weaver", paper.GetProperty("subfield").GetProperty("label").GetString());
        Assert.Equal(JsonValueKind.Null, paper.GetProperty("deeper").ValueKind);
    }
}
