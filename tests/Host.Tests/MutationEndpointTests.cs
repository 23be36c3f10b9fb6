using System.Net.Http.Json;
using System.Text.Json;

namespace CiteGraph.Host.Tests;

/// <summary>A server with an API key configured and the demo corpus loaded.</summary>
public sealed class KeyedServer : PreparedServerFactory
{
    public const string ApiKey = "test-key-7c1e";

    public KeyedServer()
    {
        Set("CiteGraph:Demo", "true");
        Set("CiteGraph:ApiKey", ApiKey);
        // Ingests here are read back through traversals at once: the answer waits for the snapshot rebuild, however busy
        // the machine (by default it comes once the derived layer is committed when the rebuild outlasts 2 s).
        Set("CiteGraph:Ingest:SnapshotWaitSeconds", "25");
    }
}

/// <summary>A keyed server whose database may not grow through ingest at all.</summary>
public sealed class QuotaServer : PreparedServerFactory
{
    public QuotaServer()
    {
        Set("CiteGraph:Demo", "true");
        Set("CiteGraph:ApiKey", KeyedServer.ApiKey);
        Set("CiteGraph:Ingest:MaxDatabaseBytes", "1");
    }
}

public sealed class MutationEndpointTests(KeyedServer server, QuotaServer quota) : IClassFixture<KeyedServer>, IClassFixture<QuotaServer>
{
    private const string Listing = "Daily Papers\n\nSubscribe\n\nQuasar Lenses for Sparse Retrieval\n\nWe introduce quasar lenses, a retrieval index that builds on Graph Weaver and is much faster than it on scholarly question answering benchmarks.\n";

    private const string IngestMutation = "mutation($c: String!) { ingest(format: HF_LISTING, content: $c) { read loaded new merged rejected papersInStore } }";

    private static async Task<JsonElement> PostAsync(HttpClient client, string query, object? variables, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("test-key-7c1")]
    [InlineData("")]
    public async Task Mutations_without_the_right_key_are_refused_and_change_nothing(string? key)
    {
        using var client = server.CreateClient();
        var before = (await client.DataAsync("{ stats { papers } }")).GetProperty("stats").GetProperty("papers").GetInt32();
        var response = await PostAsync(client, IngestMutation, new { c = Listing }, key);
        Assert.Equal("UNAUTHORIZED", response.ErrorCode());
        Assert.Equal(before, (await client.DataAsync("{ stats { papers } }")).GetProperty("stats").GetProperty("papers").GetInt32());
    }

    [Fact]
    public async Task Ingest_of_an_arxiv_id_edge_list_attaches_the_citation_to_the_papers_with_those_ids()
    {
        using var client = server.CreateClient();
        const string papers = """
            {"id":"2601.90001","title":"Lattice Sieves for Citation Graphs","abstract":"A fictional cited paper.","versions":[],"update_date":"2026-01-02"}
            {"id":"2601.90002","title":"Sieving Lattices Again, Faster","abstract":"A fictional citing paper.","versions":[],"update_date":"2026-01-09"}
            """;
        var loaded = await PostAsync(client, "mutation($c: String!) { ingest(format: ARXIV, content: $c) { loaded } }", new { c = papers }, KeyedServer.ApiKey);
        Assert.Equal(2, loaded.GetProperty("data").GetProperty("ingest").GetProperty("loaded").GetInt32());

        var edges = await PostAsync(client, "mutation($c: String!) { ingest(idKind: ARXIV, content: $c) { loaded rejected citationsAdded papersInStore } }",
            new { c = "arXiv:2601.90002v2\t2601.90001\n2601.90002\t2601.90001v1\n2601.90002\tnot-an-id\n2601.90002\t2601.90001\n2601.90002\t2601.90001\n" },
            KeyedServer.ApiKey);
        Assert.False(edges.TryGetProperty("errors", out var errors), errors.ToString());
        var report = edges.GetProperty("data").GetProperty("ingest");
        Assert.Equal(1, report.GetProperty("citationsAdded").GetInt32());
        Assert.Equal(1, report.GetProperty("rejected").GetInt32());

        var cites = (await client.DataAsync("""{ paper(id: "2601.90002") { cites(first: 5) { edges { node { kind paper { title } } } } } }"""))
            .GetProperty("paper").GetProperty("cites").GetProperty("edges");
        var citation = Assert.Single(cites.EnumerateArray()).GetProperty("node");
        Assert.Equal("EXPLICIT", citation.GetProperty("kind").GetString());
        Assert.Equal("Lattice Sieves for Citation Graphs", citation.GetProperty("paper").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Ingest_with_the_key_loads_content_into_the_store_and_the_snapshot_and_is_idempotent()
    {
        using var client = server.CreateClient();
        var first = await PostAsync(client, IngestMutation, new { c = Listing }, KeyedServer.ApiKey);
        Assert.False(first.TryGetProperty("errors", out var errors), errors.ToString());
        var report = first.GetProperty("data").GetProperty("ingest");
        Assert.Equal(1, report.GetProperty("read").GetInt32());

        var hit = (await client.DataAsync("""{ search(text: "quasar lenses", first: 1) { paper { id } } }""")).GetProperty("search")[0];
        var id = hit.GetProperty("paper").GetProperty("id").GetString();
        var subgraph = await client.DataAsync("query($s: [ID!]!) { subgraph(seeds: $s) { nodes { id } } }", new { s = new[] { id } });
        Assert.Equal(id, subgraph.GetProperty("subgraph").GetProperty("nodes")[0].GetProperty("id").GetString());

        var again = (await PostAsync(client, IngestMutation, new { c = Listing }, KeyedServer.ApiKey)).GetProperty("data").GetProperty("ingest");
        Assert.Equal((0, 1), (again.GetProperty("new").GetInt32(), again.GetProperty("merged").GetInt32()));
        Assert.Equal(report.GetProperty("papersInStore").GetInt32(), again.GetProperty("papersInStore").GetInt32());
    }

    [Fact]
    public async Task Ingest_reports_rejections_with_their_location()
    {
        using var client = server.CreateClient();
        var response = await PostAsync(client, "mutation { ingest(content: \"{ not json\") { loaded rejected rejections } }", null, KeyedServer.ApiKey);
        var report = response.GetProperty("data").GetProperty("ingest");
        Assert.Equal(0, report.GetProperty("loaded").GetInt32());
        Assert.Matches(@"^ingest/[0-9a-f]+\.txt:\d+: ", report.GetProperty("rejections")[0].GetString());
    }

    [Fact]
    public async Task Ingest_appends_its_rejections_beside_the_database_as_a_cli_load_does()
    {
        using var client = server.CreateClient();
        var content = "{ also not json " + Guid.NewGuid().ToString("N");
        var response = await PostAsync(client, "mutation($c: String!) { ingest(content: $c) { rejected } }", new { c = content }, KeyedServer.ApiKey);
        Assert.Equal(1, response.GetProperty("data").GetProperty("ingest").GetProperty("rejected").GetInt32());
        var rejects = await File.ReadAllLinesAsync(server.DatabasePath + ".rejects.jsonl", TestContext.Current.CancellationToken);
        var line = JsonDocument.Parse(Assert.Single(rejects, r => r.Contains(HashName(content), StringComparison.Ordinal))).RootElement;
        Assert.Equal(1, line.GetProperty("line").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(line.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Ingest_past_the_disk_quota_is_refused_with_a_coded_error_and_stores_nothing()
    {
        using var client = quota.CreateClient();
        var before = (await client.DataAsync("{ stats { papers } }")).GetProperty("stats").GetProperty("papers").GetInt32();
        var response = await PostAsync(client, IngestMutation, new { c = Listing }, KeyedServer.ApiKey);
        Assert.Equal("QUOTA_EXCEEDED", response.ErrorCode());
        Assert.Contains("CiteGraph:Ingest:MaxDatabaseBytes", response.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, (await client.DataAsync("{ stats { papers } }")).GetProperty("stats").GetProperty("papers").GetInt32());
    }

    [Fact]
    public async Task The_key_holder_may_send_an_ingest_larger_than_the_anonymous_body_limit_and_others_may_not()
    {
        using var client = server.CreateClient();
        // A 1.5 MiB body, over the anonymous limit and well under the key holder's; content the reader rejects at once, so
        // the test measures the body limit, not the load.
        var content = "{ not json " + new string(' ', 3 * 512 * 1024);
        const string Junk = "mutation($c: String!) { ingest(content: $c) { rejected } }";
        var keyed = await PostAsync(client, Junk, new { c = content }, KeyedServer.ApiKey);
        Assert.False(keyed.TryGetProperty("errors", out var errors), errors.ToString());
        Assert.Equal(1, keyed.GetProperty("data").GetProperty("ingest").GetProperty("rejected").GetInt32());

        using var anonymous = await client.PostAsync("/graphql", JsonContent.Create(new { query = Junk, variables = new { c = content } }), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, anonymous.StatusCode);
    }

    private static string HashName(string content) =>
        "ingest/" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content)).AsSpan(0, 6)) + ".txt";

    [Fact]
    public async Task Run_analytics_with_the_key_writes_scores_the_queries_then_see()
    {
        using var client = server.CreateClient();
        var response = await PostAsync(client, "mutation { runAnalytics(algorithms: [PAGERANK, KCORE]) { nodes steps } }", null, KeyedServer.ApiKey);
        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        Assert.Contains(response.GetProperty("data").GetProperty("runAnalytics").GetProperty("steps").EnumerateArray(),
            s => s.GetString()!.StartsWith("pagerank", StringComparison.Ordinal));
        var data = await client.DataAsync("{ stats { analyzedAt } ranking(metric: PAGERANK, first: 1) { paper { pageRank } } }");
        Assert.NotEqual(JsonValueKind.Null, data.GetProperty("stats").GetProperty("analyzedAt").ValueKind);
        Assert.True(data.GetProperty("ranking")[0].GetProperty("paper").GetProperty("pageRank").GetDouble() > 0);
    }

    [Fact]
    public async Task Run_analytics_says_which_graph_its_communities_used_and_their_sizes_per_level()
    {
        using var client = server.CreateClient();
        var response = await PostAsync(client, "mutation { runAnalytics { communities graph graphReason levels } }", null, KeyedServer.ApiKey);
        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        var report = response.GetProperty("data").GetProperty("runAnalytics");

        // The demo papers cite nothing: the rule says so and joins what derive wrote.
        Assert.StartsWith("hybrid: citations + cotopic", report.GetProperty("graph").GetString(), StringComparison.Ordinal);
        Assert.Contains("under 90", report.GetProperty("graphReason").GetString(), StringComparison.Ordinal);
        var level0 = report.GetProperty("levels")[0].GetString()!;
        Assert.StartsWith($"level 0: {report.GetProperty("communities").GetInt32()} communities", level0, StringComparison.Ordinal);
    }
}

public sealed class MutationsDisabledTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    [Fact]
    public async Task Without_a_configured_key_mutations_are_disabled_with_a_clear_message()
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "mutation { runAnalytics { nodes } }" }) };
        request.Headers.Add("X-Api-Key", "anything");
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal("UNAUTHORIZED", json.ErrorCode());
        Assert.Contains("CITEGRAPH_API_KEY", json.GetProperty("errors")[0].GetProperty("message").GetString()!, StringComparison.Ordinal);
    }
}
