namespace CiteGraph.Host.Tests;

public sealed class TraversalEndpointTests(DemoWithCitationsServer server) : IClassFixture<DemoWithCitationsServer>
{
    [Fact]
    public async Task Lineage_returns_ancestors_by_depth_with_the_citations_among_them()
    {
        using var client = server.CreateClient();
        var data = await client.DataAsync(
            "query($id: ID!) { lineage(paperId: $id, maxDepth: 2) { root { id } nodes { depth paper { id } } edges { source target kind confidence } truncated } }",
            new { id = server.Ids[3] });
        var lineage = data.GetProperty("lineage");
        Assert.Equal(server.Ids[3], lineage.GetProperty("root").GetProperty("id").GetString());
        Assert.Equal(
            [(server.Ids[2], 1), (server.Ids[1], 2)],
            lineage.GetProperty("nodes").EnumerateArray().Select(n => (n.GetProperty("paper").GetProperty("id").GetString(), n.GetProperty("depth").GetInt32())));
        Assert.Equal(2, lineage.GetProperty("edges").GetArrayLength());
        Assert.False(lineage.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task Lineage_descendants_include_inferred_citations_with_evidence_unless_filtered()
    {
        using var client = server.CreateClient();
        const string query = "query($id: ID!, $kinds: [CitationKind!], $min: Float) { lineage(paperId: $id, direction: DESCENDANTS, maxDepth: 1, kinds: $kinds, minConfidence: $min) { nodes { paper { id } } edges { kind evidence } } }";
        var all = (await client.DataAsync(query, new { id = server.Ids[0] })).GetProperty("lineage");
        Assert.Equal(2, all.GetProperty("nodes").GetArrayLength());
        Assert.Contains(all.GetProperty("edges").EnumerateArray(), e =>
            e.GetProperty("kind").GetString() == "CITES_INFERRED" && e.GetProperty("evidence").GetString() == "sparse lattice attention (SLA)");

        var explicitOnly = (await client.DataAsync(query, new { id = server.Ids[0], kinds = new[] { "EXPLICIT" } })).GetProperty("lineage");
        Assert.Equal(1, explicitOnly.GetProperty("nodes").GetArrayLength());
        var confident = (await client.DataAsync(query, new { id = server.Ids[0], min = 0.9 })).GetProperty("lineage");
        Assert.Equal(1, confident.GetProperty("nodes").GetArrayLength());
    }

    [Fact]
    public async Task Connect_finds_the_path_between_two_papers_with_each_hops_edge()
    {
        using var client = server.CreateClient();
        var data = await client.DataAsync(
            "query($a: ID!, $b: ID!) { connect(from: $a, to: $b) { length nodes { id } edges { source target kind } } }",
            new { a = server.Ids[5], b = server.Ids[4] });
        var path = data.GetProperty("connect")[0];
        Assert.Equal(5, path.GetProperty("length").GetInt32());
        Assert.Equal(
            [server.Ids[5], server.Ids[3], server.Ids[2], server.Ids[1], server.Ids[0], server.Ids[4]],
            path.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Related_explains_each_result()
    {
        using var client = server.CreateClient();
        var data = await client.DataAsync(
            "query($id: ID!) { related(paperId: $id, first: 5) { score paper { id } reasons { kind value detail } } }",
            new { id = server.Ids[1] });
        var related = data.GetProperty("related").EnumerateArray().ToList();
        Assert.NotEmpty(related);
        Assert.All(related, r => Assert.NotEqual(0, r.GetProperty("reasons").GetArrayLength()));
        Assert.DoesNotContain(related, r => r.GetProperty("paper").GetProperty("id").GetString() == server.Ids[1]);
        var scores = related.Select(r => r.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public async Task Subgraph_gives_cytoscape_ready_nodes_and_edges()
    {
        using var client = server.CreateClient();
        var data = await client.DataAsync(
            "query($s: [ID!]!) { subgraph(seeds: $s, radius: 1) { nodes { id label seed stub } edges { source target kind via } truncated } }",
            new { s = new[] { server.Ids[0] } });
        var subgraph = data.GetProperty("subgraph");
        var ids = subgraph.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToHashSet();
        Assert.Contains(server.Ids[1], ids);
        Assert.Contains(server.Ids[4], ids);
        Assert.All(subgraph.GetProperty("edges").EnumerateArray(), e =>
        {
            Assert.Contains(e.GetProperty("source").GetString(), ids);
            Assert.Contains(e.GetProperty("target").GetString(), ids);
        });
        Assert.True(subgraph.GetProperty("nodes")[0].GetProperty("seed").GetBoolean());
    }

    [Theory]
    [InlineData("{ lineage(paperId: \"P0000000000000000\") { truncated } }", "NOT_FOUND")]
    [InlineData("{ lineage(paperId: \"x\", maxDepth: 100) { truncated } }", "INVALID_ARGUMENT")]
    [InlineData("{ lineage(paperId: \"x\", minConfidence: 2) { truncated } }", "INVALID_ARGUMENT")]
    [InlineData("{ lineage(paperId: \"x\", first: 1000000) { truncated } }", "INVALID_ARGUMENT")]
    [InlineData("{ connect(from: \"x\", to: \"y\", first: 50) { length } }", "INVALID_ARGUMENT")]
    [InlineData("{ related(paperId: \"'; DROP TABLE paper; --\") { score } }", "NOT_FOUND")]
    [InlineData("{ related(paperId: \"x\", by: [CO_CITATION, KEY_TERMS]) { score } }", "INVALID_ARGUMENT")]
    [InlineData("{ subgraph(seeds: [], radius: 1) { truncated } }", "INVALID_ARGUMENT")]
    [InlineData("{ subgraph(seeds: [\"x\"], maxNodes: 100000) { truncated } }", "INVALID_ARGUMENT")]
    public async Task Bad_traversal_arguments_get_coded_errors(string query, string code)
    {
        using var client = server.CreateClient();
        Assert.Equal(code, (await client.PostAsync(query)).ErrorCode());
    }
}

public sealed class CoraTraversalTests(CoraServer cora) : IClassFixture<CoraServer>
{
    [Fact]
    public async Task Lineage_and_connect_work_on_the_real_cora_graph()
    {
        cora.RequireData();
        using var client = cora.CreateClient();
        var stats = (await client.DataAsync("{ stats { citations } ranking(metric: CITATIONS, first: 2) { score paper { id } } }"));
        Assert.Equal(5429, stats.GetProperty("stats").GetProperty("citations").GetInt32());
        var top = stats.GetProperty("ranking")[0].GetProperty("paper").GetProperty("id").GetString();
        var second = stats.GetProperty("ranking")[1].GetProperty("paper").GetProperty("id").GetString();

        var lineage = (await client.DataAsync(
            "query($id: ID!) { lineage(paperId: $id, direction: DESCENDANTS, maxDepth: 1, first: 500) { nodes { depth } } }", new { id = top }))
            .GetProperty("lineage");
        Assert.Equal((int)stats.GetProperty("ranking")[0].GetProperty("score").GetDouble(), lineage.GetProperty("nodes").GetArrayLength());

        var paths = (await client.DataAsync(
            "query($a: ID!, $b: ID!) { connect(from: $a, to: $b, first: 3) { length } }", new { a = top, b = second })).GetProperty("connect");
        Assert.NotEqual(0, paths.GetArrayLength());
        var lengths = paths.EnumerateArray().Select(p => p.GetProperty("length").GetInt32()).ToList();
        Assert.Equal(lengths.Order(), lengths);

        var related = (await client.DataAsync("query($id: ID!) { related(paperId: $id, first: 5) { score } }", new { id = top })).GetProperty("related");
        Assert.Equal(5, related.GetArrayLength());
    }
}

public sealed class TopicEndpointTests(DemoServerFactory demo) : IClassFixture<DemoServerFactory>
{
    [Fact]
    public async Task Topic_fields_answer_over_http_on_the_demo_corpus_the_derive_pass_enriched()
    {
        using var client = demo.CreateClient();
        var data = await client.DataAsync("""
            {
              topic(name: "sla") { name aliases df papers(first: 5) { totalCount edges { node { id title } } } related(first: 3) { count pmi } }
              topics(first: 3, orderBy: DF) { totalCount edges { node { name df } } }
              stats { topics coTopicEdges }
              search(text: "Lattice Attention Weather", first: 1) { paper { id
                topics { weight topic { name } }
                coTopic(first: 3) { score reasons { kind detail } }
                cites(kind: INFERRED) { totalCount edges { node { kind confidence evidence paper { title } } } }
                citedBy { totalCount }
              } }
            }
            """);
        var topic = data.GetProperty("topic");
        Assert.Equal("sparse lattice attention", topic.GetProperty("name").GetString());
        Assert.Contains(topic.GetProperty("aliases").EnumerateArray(), a => a.GetString()!.Equals("SLA", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(topic.GetProperty("df").GetInt32(), topic.GetProperty("papers").GetProperty("totalCount").GetInt32());
        Assert.True(data.GetProperty("stats").GetProperty("coTopicEdges").GetInt32() > 0);
        Assert.Equal(data.GetProperty("topics").GetProperty("totalCount").GetInt32(), data.GetProperty("stats").GetProperty("topics").GetInt32());
        var dfs = data.GetProperty("topics").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("df").GetInt32()).ToList();
        Assert.Equal(dfs.OrderDescending(), dfs);

        var paper = data.GetProperty("search")[0].GetProperty("paper");
        Assert.Contains(paper.GetProperty("topics").EnumerateArray(), t => t.GetProperty("topic").GetProperty("name").GetString() == "sparse lattice attention");
        var inferred = paper.GetProperty("cites").GetProperty("edges")[0].GetProperty("node");
        Assert.Equal("INFERRED", inferred.GetProperty("kind").GetString());
        Assert.Contains("SLA", inferred.GetProperty("evidence").GetString()!, StringComparison.Ordinal);

        var id = paper.GetProperty("id").GetString();
        var related = (await client.DataAsync("query($id: ID!) { related(paperId: $id, by: [CO_TOPIC]) { paper { id } reasons { kind } } }", new { id }))
            .GetProperty("related").EnumerateArray().ToList();
        Assert.NotEmpty(related);
        Assert.All(related, r => Assert.All(r.GetProperty("reasons").EnumerateArray(), reason => Assert.Equal("CO_TOPIC", reason.GetProperty("kind").GetString())));

        var subgraph = (await client.DataAsync("query($s: [ID!]!) { subgraph(seeds: $s, radius: 1, kinds: [CO_TOPIC]) { nodes { id } edges { source target kind weight } } }", new { s = new[] { id } }))
            .GetProperty("subgraph");
        var edges = subgraph.GetProperty("edges").EnumerateArray().ToList();
        Assert.NotEmpty(edges);
        Assert.All(edges, e => Assert.Equal("CO_TOPIC", e.GetProperty("kind").GetString()));
        Assert.All(edges, e => Assert.InRange(e.GetProperty("weight").GetDouble(), 0.0, 1.0));
        Assert.Equal(related.Select(r => r.GetProperty("paper").GetProperty("id").GetString()).ToHashSet().Count, related.Count);
    }
}
