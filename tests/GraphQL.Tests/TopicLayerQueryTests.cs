using System.Text.Json;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Tests;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace CiteGraph.GraphQL.Tests;

/// <summary>
/// Issue 19's topic half over the real GraphQL pipeline on a real SQLite store: co-topic edges explained wherever they
/// appear (connect hops, subgraph edges, related reasons), broader/narrower topics batched, trends and rising topics.
/// </summary>
public sealed class TopicLayerQueryTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private SqliteGraphStore _sqlite = null!;
    private ServiceProvider _services = null!;
    private CountingStore _counter = null!;
    private string[] _ids = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _sqlite = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("t.db") });
        await _sqlite.InitializeAsync(Ct);
        var records = Enumerable.Range(0, 5).Select(i => new ResolvedRecord(PaperId.For(null, null, $"diffusion paper {i}"), new PaperRecord
        {
            Title = $"Diffusion paper {i}",
            Abstract = "An abstract.",
            Published = new PartialDate(2023 + (i % 2), null, null),
            Source = new SourceRef("t.txt", i + 1, "test"),
        })).ToList();
        await _sqlite.UpsertAsync(records, Ct);
        _ids = records.Select(r => r.PaperId).ToArray();
        Topic T(string name, int df, double? growth) => new(name, [], df) { Idf = 1, ByYear = [new(2023, 1), new(2024, df - 1)], Growth = growth };
        // A chain of co-topic papers 0 - 1 - 2 - 3 (4 alone), each edge stored from one side only, as the top-k keeps it.
        var coTopic = Enumerable.Range(0, 3).Select(i => new CoTopicRow(_ids[i], _ids[i + 1], 0.5, 2, ["latent diffusion", "diffusion models"]) { ReasonWeights = [0.3, 0.2] }).ToList();
        await _sqlite.WriteTopicGraphAsync(
            new TopicGraph(
                [T("diffusion", 5, 0.2), T("latent diffusion", 3, 1.5), T("diffusion models", 4, null)],
                [.. _ids.Select(id => new HasTopicRow(id, 0, 1)), new(_ids[0], 1, 1), new(_ids[1], 2, 1)],
                coTopic,
                [])
            {
                Broader = [new(1, 0), new(2, 0)],
            },
            Ct);

        (var store, _counter) = CountingStore.Wrap(_sqlite);
        _services = new ServiceCollection().AddSingleton(store).AddCiteGraphQL().BuildServiceProvider();
        await _services.GetRequiredService<SnapshotHolder>().RebuildAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _sqlite.DisposeAsync();
        _dir.Dispose();
    }

    private Task<JsonElement> DataAsync(string query) => _services.DataAsync(query);

    private static void AssertExplained(JsonElement edge)
    {
        Assert.Equal("CO_TOPIC", edge.GetProperty("kind").GetString());
        Assert.Equal("shares topics: latent diffusion 0.30, diffusion models 0.20", edge.GetProperty("evidence").GetString());
        Assert.Equal(
            [("latent diffusion", 0.3), ("diffusion models", 0.2)],
            edge.GetProperty("sharedTopics").EnumerateArray().Select(t => (t.GetProperty("name").GetString(), t.GetProperty("weight").GetDouble())));
    }

    [Fact]
    public async Task Every_co_topic_hop_of_connect_carries_the_shared_topics_that_made_it()
    {
        var data = await DataAsync($$"""{ connect(from: "{{_ids[3]}}", to: "{{_ids[0]}}", kinds: [CO_TOPIC]) { length edges { source target kind evidence sharedTopics { name weight } } } }""");

        var path = Assert.Single(data.GetProperty("connect").EnumerateArray());
        Assert.Equal(3, path.GetProperty("length").GetInt32());
        // Walked against the direction the edges are stored in: the evidence is found from either side.
        Assert.All(path.GetProperty("edges").EnumerateArray(), AssertExplained);
    }

    [Fact]
    public async Task Every_co_topic_edge_of_a_subgraph_is_explained_with_one_store_read()
    {
        _counter.Calls.Clear();
        var data = await DataAsync($$"""{ subgraph(seeds: ["{{_ids[1]}}"], radius: 3, kinds: [CO_TOPIC]) { edges { source target kind evidence sharedTopics { name weight } } } }""");

        var edges = data.GetProperty("subgraph").GetProperty("edges").EnumerateArray().ToList();
        Assert.Equal(3, edges.Count);
        Assert.All(edges, AssertExplained);
        Assert.Equal(1, _counter.Calls.GetValueOrDefault(nameof(IGraphStore.GetCoTopicEvidenceAsync)));
    }

    [Fact]
    public async Task Related_by_co_topic_names_the_shared_topics_with_their_weights()
    {
        var data = await DataAsync($$"""{ related(paperId: "{{_ids[0]}}", by: [CO_TOPIC]) { paper { id } reasons { kind detail } } }""");

        var related = Assert.Single(data.GetProperty("related").EnumerateArray());
        Assert.Equal(_ids[1], related.GetProperty("paper").GetProperty("id").GetString());
        var reason = Assert.Single(related.GetProperty("reasons").EnumerateArray());
        Assert.Equal("shares topics: latent diffusion 0.30, diffusion models 0.20", reason.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_head_topic_answers_with_its_narrower_topics_and_a_page_of_topics_reads_the_hierarchy_once()
    {
        var head = (await DataAsync("""{ topic(name: "Diffusion") { name narrower { name broader { name } } broader { name } byYear { year papers } growth } }""")).GetProperty("topic");
        Assert.Equal("diffusion", head.GetProperty("name").GetString());
        Assert.Equal(["diffusion models", "latent diffusion"], head.GetProperty("narrower").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.All(head.GetProperty("narrower").EnumerateArray(), t => Assert.Equal("diffusion", t.GetProperty("broader")[0].GetProperty("name").GetString()));
        Assert.Empty(head.GetProperty("broader").EnumerateArray());
        Assert.Equal([(2023, 1), (2024, 4)], head.GetProperty("byYear").EnumerateArray().Select(y => (y.GetProperty("year").GetInt32(), y.GetProperty("papers").GetInt32())));
        Assert.Equal(0.2, head.GetProperty("growth").GetDouble());

        _counter.Calls.Clear();
        var rising = (await DataAsync("{ topics(first: 10, orderBy: GROWTH) { edges { node { name growth narrower { name } broader { name } } } } }"))
            .GetProperty("topics").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        Assert.Equal(["latent diffusion", "diffusion", "diffusion models"], rising.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.Null, rising[2].GetProperty("growth").ValueKind);
        // One read per direction for the whole page (no read per topic).
        Assert.Equal(2, _counter.Calls.GetValueOrDefault(nameof(IGraphStore.GetTopicHierarchyAsync)));
    }
}
