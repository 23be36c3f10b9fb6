using System.Text.Json;
using CiteGraph.Graph.Analytics;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using GraphQL;

namespace CiteGraph.GraphQL.Tests;

/// <summary>Ranking and communities over the demo corpus after citations are added and analytics ran.</summary>
public sealed class AnalyticsQueryTests(DemoSchemaFixture demo) : IClassFixture<DemoSchemaFixture>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var page = await demo.Store.QueryPapersAsync(new PaperQuery(new PaperFilter(), 100), Ct);
        var ids = page.Items.Select(i => i.Paper.Id).ToList();
        // Every paper cites the first one; a chain links the rest.
        var citations = ids.Skip(1).Select(id => new Citation(id, ids[0], CitationKind.Explicit))
            .Concat(ids.Skip(2).Select((id, i) => new Citation(id, ids[i + 1], CitationKind.Inferred, 0.7, "acronym")))
            .ToList();
        await demo.Store.UpsertCitationsAsync(citations, Ct);
        await new AnalyticsRunner(demo.Store).RunAsync(
            new AnalyticsRequest { Algorithms = new HashSet<AnalyticsAlgorithm> { AnalyticsAlgorithm.PageRank, AnalyticsAlgorithm.Louvain, AnalyticsAlgorithm.KCore } },
            cancellationToken: Ct);
        await demo.RebuildSnapshotAsync();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Ranking_by_pagerank_puts_the_most_cited_paper_first()
    {
        var response = await demo.ExecuteAsync("{ ranking(metric: PAGERANK, first: 3) { rank score paper { id pageRank coreNumber community { id label } } } }");
        Assert.True(response.TryGetProperty("data", out _), response.ToString());
        var ranking = response.GetProperty("data").GetProperty("ranking").EnumerateArray().ToList();
        var expected = await demo.Store.RankAsync(RankingMetric.PageRank, 3, new PaperFilter(), Ct);
        Assert.Equal(expected.Select(r => r.Paper.Id), ranking.Select(r => r.GetProperty("paper").GetProperty("id").GetString()));
        Assert.Equal(1, ranking[0].GetProperty("rank").GetInt32());
        Assert.Equal(ranking[0].GetProperty("score").GetDouble(), ranking[0].GetProperty("paper").GetProperty("pageRank").GetDouble());
        Assert.Equal(JsonValueKind.Object, ranking[0].GetProperty("paper").GetProperty("community").ValueKind);
    }

    [Fact]
    public async Task Communities_page_and_list_their_papers()
    {
        var response = await demo.ExecuteAsync("{ stats { communities modularity analyzedAt } communities(first: 1) { totalCount edges { cursor node { id size label papers(first: 50) { totalCount } } } pageInfo { hasNextPage endCursor } } }");
        var data = response.GetProperty("data");
        var connection = data.GetProperty("communities");
        var total = connection.GetProperty("totalCount").GetInt32();
        Assert.Equal(data.GetProperty("stats").GetProperty("communities").GetInt32(), total);
        var node = connection.GetProperty("edges")[0].GetProperty("node");
        Assert.Equal(node.GetProperty("size").GetInt32(), node.GetProperty("papers").GetProperty("totalCount").GetInt32());
        Assert.Equal(total > 1, connection.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, data.GetProperty("stats").GetProperty("analyzedAt").ValueKind);

        var id = node.GetProperty("id").GetString();
        var single = await demo.ExecuteAsync("query($id: ID!) { community(id: $id) { label } }", new Inputs(new Dictionary<string, object?> { ["id"] = id }));
        Assert.Equal(node.GetProperty("label").GetString(), single.GetProperty("data").GetProperty("community").GetProperty("label").GetString());
    }

    [Fact]
    public async Task Ranking_by_citations_counts_incoming_cites()
    {
        var response = await demo.ExecuteAsync("{ ranking(metric: CITATIONS, first: 1) { score } stats { papers } }");
        var data = response.GetProperty("data");
        Assert.Equal(data.GetProperty("stats").GetProperty("papers").GetInt32() - 1, (int)data.GetProperty("ranking")[0].GetProperty("score").GetDouble());
    }

    [Theory]
    [InlineData("PAGERANK", "pageRank")]
    [InlineData("CITATIONS", "citationCount")]
    [InlineData("PUBLISHED", "year")]
    public async Task Papers_in_a_sorted_order_page_through_everything_once_in_that_order(string order, string field)
    {
        var seen = new List<(string Id, double Value)>();
        string? after = null;
        bool hasNext;
        do
        {
            var response = await demo.ExecuteAsync(
                $"query($after: String) {{ papers(first: 2, after: $after, orderBy: {order}) {{ totalCount edges {{ node {{ id {field} }} }} pageInfo {{ hasNextPage endCursor }} }} }}",
                new Inputs(new Dictionary<string, object?> { ["after"] = after }));
            Assert.True(response.TryGetProperty("data", out var data), response.ToString());
            var papers = data.GetProperty("papers");
            seen.AddRange(papers.GetProperty("edges").EnumerateArray().Select(e => (
                e.GetProperty("node").GetProperty("id").GetString()!,
                e.GetProperty("node").GetProperty(field) is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : double.MinValue)));
            hasNext = papers.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean();
            after = papers.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }
        while (hasNext);

        Assert.Equal((await demo.Store.GetStatsAsync(Ct)).Papers, seen.Count);
        Assert.Equal(seen.Count, seen.Select(s => s.Id).Distinct().Count());
        Assert.Equal(seen.Select(s => s.Value).OrderDescending(), seen.Select(s => s.Value));
    }

    [Fact]
    public async Task A_cursor_from_one_order_is_refused_by_another()
    {
        var response = await demo.ExecuteAsync("{ papers(first: 1, orderBy: PAGERANK) { pageInfo { endCursor } } }");
        var cursor = response.GetProperty("data").GetProperty("papers").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var wrong = await demo.ExecuteAsync("query($c: String) { papers(after: $c, orderBy: UPVOTES) { totalCount } }", new Inputs(new Dictionary<string, object?> { ["c"] = cursor }));
        Assert.Equal("INVALID_CURSOR", wrong.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Node_fetches_papers_and_communities_by_global_id()
    {
        var response = await demo.ExecuteAsync("{ ranking(metric: PAGERANK, first: 1) { paper { id community { id } } } }");
        var paper = response.GetProperty("data").GetProperty("ranking")[0].GetProperty("paper");
        var paperId = paper.GetProperty("id").GetString();
        var communityId = paper.GetProperty("community").GetProperty("id").GetString();
        Assert.StartsWith("C", communityId, StringComparison.Ordinal);

        var nodes = await demo.ExecuteAsync(
            "query($p: ID!, $c: ID!) { p: node(id: $p) { id __typename ... on Paper { title } } c: node(id: $c) { id __typename ... on Community { size } } }",
            new Inputs(new Dictionary<string, object?> { ["p"] = paperId, ["c"] = communityId }));
        var data = nodes.GetProperty("data");
        Assert.Equal(("Paper", paperId), (data.GetProperty("p").GetProperty("__typename").GetString(), data.GetProperty("p").GetProperty("id").GetString()));
        Assert.Equal(("Community", communityId), (data.GetProperty("c").GetProperty("__typename").GetString(), data.GetProperty("c").GetProperty("id").GetString()));
    }
}
