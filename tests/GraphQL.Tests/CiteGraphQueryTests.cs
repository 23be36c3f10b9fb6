using System.Text.Json;
using CiteGraph.Graph.Storage;
using GraphQL;

namespace CiteGraph.GraphQL.Tests;

public sealed class CiteGraphQueryTests(DemoSchemaFixture demo) : IClassFixture<DemoSchemaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string ErrorCode(JsonElement response) =>
        response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;

    [Fact]
    public async Task Stats_counts_what_the_store_holds()
    {
        var stats = await demo.Store.GetStatsAsync(Ct);
        var response = await demo.ExecuteAsync("{ stats { papers repos sources links } }");
        var s = response.GetProperty("data").GetProperty("stats");
        Assert.Equal((stats.Papers, stats.Repos, stats.Sources, stats.Links),
            (s.GetProperty("papers").GetInt32(), s.GetProperty("repos").GetInt32(), s.GetProperty("sources").GetInt32(), s.GetProperty("links").GetInt32()));
        Assert.True(stats.Papers > 0);
    }

    [Fact]
    public async Task Papers_pages_with_opaque_cursors_cover_every_paper_once()
    {
        var ids = new List<string>();
        string? after = null;
        int total;
        bool hasNext;
        do
        {
            var response = await demo.ExecuteAsync(
                "query($after: String) { papers(first: 4, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }",
                new Inputs(new Dictionary<string, object?> { ["after"] = after }));
            var papers = response.GetProperty("data").GetProperty("papers");
            total = papers.GetProperty("totalCount").GetInt32();
            foreach (var edge in papers.GetProperty("edges").EnumerateArray())
            {
                Assert.DoesNotContain("cg1", edge.GetProperty("cursor").GetString()!, StringComparison.Ordinal);
                ids.Add(edge.GetProperty("node").GetProperty("id").GetString()!);
            }

            hasNext = papers.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean();
            after = papers.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }
        while (hasNext);

        Assert.Equal(total, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal((await demo.Store.GetStatsAsync(Ct)).Papers, total);
    }

    [Fact]
    public async Task Papers_filter_by_text_year_and_repo()
    {
        var response = await demo.ExecuteAsync(
            """{ papers(first: 50, filter: { text: "lattice attention", yearFrom: 2024, yearTo: 2024, hasRepo: true }) { totalCount edges { node { title year repos { url } } } } }""");
        var papers = response.GetProperty("data").GetProperty("papers");
        var expected = await demo.Store.QueryPapersAsync(new PaperQuery(new PaperFilter("lattice attention", 2024, 2024, true), 50), Ct);
        Assert.Equal(expected.TotalCount, papers.GetProperty("totalCount").GetInt32());
        Assert.True(expected.TotalCount > 0);
        Assert.All(papers.GetProperty("edges").EnumerateArray(), e =>
        {
            Assert.Equal(2024, e.GetProperty("node").GetProperty("year").GetInt32());
            Assert.NotEmpty(e.GetProperty("node").GetProperty("repos").EnumerateArray());
        });
    }

    [Theory]
    [InlineData("{ papers(first: 0) { totalCount } }", "INVALID_ARGUMENT")]
    [InlineData("{ papers(first: 1000000) { totalCount } }", "INVALID_ARGUMENT")]
    [InlineData("{ papers(after: \"not-a-cursor\") { totalCount } }", "INVALID_CURSOR")]
    [InlineData("{ papers(filter: { yearFrom: 2025, yearTo: 2020 }) { totalCount } }", "INVALID_ARGUMENT")]
    [InlineData("{ search(text: \"x\", first: 501) { score } }", "INVALID_ARGUMENT")]
    [InlineData("{ repo(url: \"https://example.org/not/a/repo\") { url } }", "INVALID_ARGUMENT")]
    public async Task Bad_arguments_get_coded_errors(string query, string code)
    {
        var response = await demo.ExecuteAsync(query);
        Assert.Equal(code, ErrorCode(response));
    }

    [Fact]
    public async Task A_query_nested_deeper_than_the_limit_is_refused_before_it_runs()
    {
        var response = await demo.ExecuteAsync(
            "{ papers { edges { node { repos { papers { repos { papers { repos { papers { id } } } } } } } } } }");
        Assert.False(response.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object);
        Assert.Contains("depth", response.GetProperty("errors")[0].GetProperty("message").GetString()!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_repo_is_found_by_any_spelling_of_its_url_with_its_papers()
    {
        var response = await demo.ExecuteAsync(
            """{ repo(url: "https://github.com/QuillAI/Sparse-Lattice-Attention.git.") { url owner name papers { title } } }""");
        var repo = response.GetProperty("data").GetProperty("repo");
        Assert.Equal("https://github.com/quillai/sparse-lattice-attention", repo.GetProperty("url").GetString());
        var expected = await demo.Store.GetPapersOfRepoAsync("https://github.com/quillai/sparse-lattice-attention", Ct);
        Assert.Equal(expected.Select(p => p.Title), repo.GetProperty("papers").EnumerateArray().Select(p => p.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task A_paper_shows_its_sources_repos_links_and_evidence()
    {
        var hit = (await demo.Store.SearchAsync("Graph Weaver citation", 1, Ct))[0];
        var response = await demo.ExecuteAsync(
            "query($id: ID!) { paper(id: $id) { title sources { file line format } repoLinks { evidence repo { url } } links { url kind } } }",
            new Inputs(new Dictionary<string, object?> { ["id"] = hit.Paper.Id }));
        var paper = response.GetProperty("data").GetProperty("paper");
        Assert.Equal(hit.Paper.Title, paper.GetProperty("title").GetString());
        Assert.Equal("demo/listing-a.txt", paper.GetProperty("sources")[0].GetProperty("file").GetString());
        Assert.Equal("https://github.com/orchid-ml/graph_weaver", paper.GetProperty("repoLinks")[0].GetProperty("repo").GetProperty("url").GetString());
        Assert.Contains(paper.GetProperty("links").EnumerateArray(), l => l.GetProperty("kind").GetString() == "MODEL_HUB");
    }

    [Theory]
    [InlineData("P0000000000000000")]
    [InlineData("arXiv:9999.99999")]
    [InlineData("'; DROP TABLE paper; --")]
    public async Task An_unknown_paper_is_null_not_an_error(string id)
    {
        var response = await demo.ExecuteAsync("query($id: ID!) { paper(id: $id) { id } }", new Inputs(new Dictionary<string, object?> { ["id"] = id }));
        Assert.Equal(JsonValueKind.Null, response.GetProperty("data").GetProperty("paper").ValueKind);
        Assert.False(response.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task Search_returns_ranked_hits_with_snippets()
    {
        var response = await demo.ExecuteAsync("""{ search(text: "preference optimization", first: 3) { score snippet paper { title } } }""");
        var hits = response.GetProperty("data").GetProperty("search").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        var scores = hits.Select(h => h.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.Contains("[", hits[0].GetProperty("snippet").GetString()!, StringComparison.Ordinal);
    }
}
