using System.Text.Json;

namespace CiteGraph.GraphQL.Tests;

public sealed class TopicQueryTests(DemoSchemaFixture demo) : IClassFixture<DemoSchemaFixture>
{
    private static string ErrorCode(JsonElement response) =>
        response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;

    [Theory]
    [InlineData("SLA")]
    [InlineData("sla")]
    [InlineData("Sparse Lattice Attention")]
    [InlineData("sparse-lattice attentions")]
    public async Task Topic_is_found_by_any_alias_case_insensitively(string name)
    {
        var response = await demo.ExecuteAsync("query($n: String!) { topic(name: $n) { id name aliases df papers(first: 10) { totalCount edges { node { title } } } } }",
            new global::GraphQL.Inputs(new Dictionary<string, object?> { ["n"] = name }));

        var topic = response.GetProperty("data").GetProperty("topic");
        Assert.Equal("sparse lattice attention", topic.GetProperty("name").GetString());
        Assert.Contains("SLA", topic.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(topic.GetProperty("df").GetInt32(), topic.GetProperty("papers").GetProperty("totalCount").GetInt32());
        Assert.True(topic.GetProperty("df").GetInt32() >= 3);
    }

    [Fact]
    public async Task Topic_of_an_unknown_name_is_null()
    {
        var response = await demo.ExecuteAsync("""{ topic(name: "no such topic at all") { name } }""");
        Assert.Equal(JsonValueKind.Null, response.GetProperty("data").GetProperty("topic").ValueKind);
    }

    [Fact]
    public async Task Topics_page_through_every_topic_once_most_papers_first()
    {
        var names = new List<string>();
        var dfs = new List<int>();
        string? after = null;
        bool hasNext;
        int total;
        do
        {
            var response = await demo.ExecuteAsync("query($a: String) { topics(first: 3, after: $a) { totalCount edges { node { name df } } pageInfo { hasNextPage endCursor } } }",
                new global::GraphQL.Inputs(new Dictionary<string, object?> { ["a"] = after }));
            var topics = response.GetProperty("data").GetProperty("topics");
            total = topics.GetProperty("totalCount").GetInt32();
            foreach (var e in topics.GetProperty("edges").EnumerateArray())
            {
                names.Add(e.GetProperty("node").GetProperty("name").GetString()!);
                dfs.Add(e.GetProperty("node").GetProperty("df").GetInt32());
            }

            hasNext = topics.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean();
            after = topics.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }
        while (hasNext);

        Assert.Equal(total, names.Count);
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal(dfs.OrderDescending(), dfs);
        var byName = await demo.ExecuteAsync("{ topics(first: 100, orderBy: NAME) { edges { node { name } } } }");
        var ordered = byName.GetProperty("data").GetProperty("topics").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("name").GetString()!).ToList();
        Assert.Equal(ordered.Order(StringComparer.Ordinal), ordered);
    }

    [Fact]
    public async Task Paper_topics_cotopic_and_inferred_citations_with_evidence()
    {
        var response = await demo.ExecuteAsync("""
            { search(text: "Lattice Attention Weather Forecasting", first: 1) { paper {
                topics { weight topic { name } }
                coTopic(first: 3) { score paper { title } reasons { kind detail } }
                cites(kind: INFERRED, minConfidence: 0.5) { totalCount edges { node { kind confidence evidence paper { title citedBy(first: 5) { totalCount } } } } }
            } } }
            """);

        var paper = response.GetProperty("data").GetProperty("search")[0].GetProperty("paper");
        var topics = paper.GetProperty("topics").EnumerateArray().ToList();
        Assert.Contains(topics, t => t.GetProperty("topic").GetProperty("name").GetString() == "sparse lattice attention");
        Assert.All(topics, t => Assert.InRange(t.GetProperty("weight").GetDouble(), 0.0, 1.0));
        var coTopic = paper.GetProperty("coTopic").EnumerateArray().ToList();
        Assert.InRange(coTopic.Count, 1, 3);
        Assert.All(coTopic, r => Assert.Equal("CO_TOPIC", r.GetProperty("reasons")[0].GetProperty("kind").GetString()));
        var cite = Assert.Single(paper.GetProperty("cites").GetProperty("edges").EnumerateArray()).GetProperty("node");
        Assert.Equal("INFERRED", cite.GetProperty("kind").GetString());
        Assert.Equal("Sparse Lattice Attention: Linear-Time Transformers on Crystal Graphs", cite.GetProperty("paper").GetProperty("title").GetString());
        Assert.Contains("sparse lattice attention (SLA)", cite.GetProperty("evidence").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, cite.GetProperty("paper").GetProperty("citedBy").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Topic_related_lists_co_occurring_topics()
    {
        var response = await demo.ExecuteAsync("""{ topic(name: "DPO") { name related(first: 5) { count pmi topic { name } } } }""");
        var related = response.GetProperty("data").GetProperty("topic").GetProperty("related").EnumerateArray().ToList();
        Assert.All(related, r => Assert.True(r.GetProperty("count").GetInt32() >= 2));
    }

    [Fact]
    public async Task A_min_confidence_outside_0_to_1_is_a_coded_error()
    {
        var response = await demo.ExecuteAsync("""{ papers(first: 1) { edges { node { cites(minConfidence: 2) { totalCount } } } } }""");
        Assert.Equal("INVALID_ARGUMENT", ErrorCode(response));
    }
}
