using System.Text.Json;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Tests;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using CiteGraph.Loaders.Derive;

namespace CiteGraph.GraphQL.Tests;

/// <summary>The Hugging Face daily papers (../shared/data/hf-daily-papers-api, 9,877 papers) loaded with the derive pass, served by the real schema.</summary>
public sealed class HfCorpusFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private ServiceProvider? _services;
    private SqliteGraphStore? _store;

    /// <summary>Why the corpus is not there (the tests skip with it), or null.</summary>
    public string? Missing { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var daily = Path.GetFullPath(Path.Combine(SharedData.RepoRoot, "..", "shared", "data", "hf-daily-papers-api", "daily"));
        if (!Directory.Exists(daily))
        {
            Missing = $"{daily} is not present beside the repository; this test needs it.";
            return;
        }

        _store = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("hf.db") });
        var files = Directory.GetFiles(daily, "*.json").Order(StringComparer.Ordinal).Select(InputFile.FromPath).ToList();
        await new Ingestor(_store, new IngestOptions { BatchSize = 5000 }).LoadAsync(files, cancellationToken: TestContext.Current.CancellationToken);
        await DeriveStage.RunAsync(_store, cancellationToken: TestContext.Current.CancellationToken);
        _services = new ServiceCollection().AddSingleton<IGraphStore>(_store).AddCiteGraphQL().BuildServiceProvider();
        await _services.GetRequiredService<SnapshotHolder>().RebuildAsync(TestContext.Current.CancellationToken);
    }

    public async Task<JsonElement> DataAsync(string query, Dictionary<string, object?> variables)
    {
        Assert.SkipWhen(Missing is not null, Missing ?? "");
        return await _services!.DataAsync(query, new Inputs(variables));
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        _dir.Dispose();
    }
}

/// <summary><c>lineage(first, after)</c> pages: pages of 50 put together are exactly the one-shot answer, on real data.</summary>
public sealed class LineagePagingTests(HfCorpusFixture corpus) : IClassFixture<HfCorpusFixture>
{
    private const string Lineage = """
        query($id: ID!, $dir: Direction!, $first: Int!, $after: String) {
          lineage(paperId: $id, direction: $dir, maxDepth: 4, first: $first, after: $after) {
            truncated
            nodes { depth cursor paper { id } }
            edges { source target kind confidence }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
        """;

    [Fact]
    public async Task Pages_of_50_concatenated_are_exactly_the_one_shot_lineage()
    {
        var (root, direction, oneShot) = await LargestLineageAsync();
        var expectedNodes = Nodes(oneShot);
        Assert.True(expectedNodes.Count > 100, $"the largest lineage found has {expectedNodes.Count} nodes; pages of 50 need more than two pages");

        var nodes = new List<string>();
        var edges = new List<string>();
        string? after = null;
        for (var pageNumber = 0; nodes.Count < expectedNodes.Count; pageNumber++)
        {
            var page = await PageAsync(root, direction, 50, after);
            var pageInfo = page.GetProperty("pageInfo");
            Assert.Equal(pageNumber > 0, pageInfo.GetProperty("hasPreviousPage").GetBoolean());
            var pageNodes = page.GetProperty("nodes").EnumerateArray().ToList();
            Assert.InRange(pageNodes.Count, 1, 50);
            Assert.Equal(pageNodes[^1].GetProperty("cursor").GetString(), pageInfo.GetProperty("endCursor").GetString());
            nodes.AddRange(Nodes(page));
            edges.AddRange(Edges(page));
            after = pageInfo.GetProperty("endCursor").GetString();
            Assert.Equal(nodes.Count < expectedNodes.Count || oneShot.GetProperty("truncated").GetBoolean(), pageInfo.GetProperty("hasNextPage").GetBoolean());
        }

        Assert.Equal(expectedNodes, nodes);
        Assert.Equal(Edges(oneShot).Order(StringComparer.Ordinal), edges.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Without_after_the_lineage_answers_as_before_and_a_cursor_past_the_end_gives_an_empty_last_page()
    {
        var (root, direction, oneShot) = await LargestLineageAsync();
        var all = Nodes(oneShot);
        var first = await PageAsync(root, direction, 500, null);
        Assert.Equal(all, Nodes(first));
        Assert.False(first.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());

        var end = first.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var past = await PageAsync(root, direction, 50, end);
        if (!oneShot.GetProperty("truncated").GetBoolean())
        {
            Assert.Equal(0, past.GetProperty("nodes").GetArrayLength());
            Assert.False(past.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        }
    }

    /// <summary>The most cited papers' lineages (descendants, then ancestors of the most citing): the largest one, in one shot.</summary>
    private async Task<(string Root, string Direction, JsonElement OneShot)> LargestLineageAsync()
    {
        var ranking = await corpus.DataAsync("{ ranking(metric: CITATIONS, first: 10) { paper { id } } }", []);
        (string, string, JsonElement)? best = null;
        foreach (var id in ranking.GetProperty("ranking").EnumerateArray().Select(r => r.GetProperty("paper").GetProperty("id").GetString()!))
        {
            var lineage = await PageAsync(id, "DESCENDANTS", 500, null);
            if (best is null || lineage.GetProperty("nodes").GetArrayLength() > best.Value.Item3.GetProperty("nodes").GetArrayLength())
            {
                best = (id, "DESCENDANTS", lineage);
            }
        }

        return best!.Value;
    }

    private async Task<JsonElement> PageAsync(string root, string direction, int first, string? after) =>
        (await corpus.DataAsync(Lineage, new() { ["id"] = root, ["dir"] = direction, ["first"] = first, ["after"] = after })).GetProperty("lineage");

    private static List<string> Nodes(JsonElement lineage) =>
        [.. lineage.GetProperty("nodes").EnumerateArray().Select(n => $"{n.GetProperty("paper").GetProperty("id").GetString()}@{n.GetProperty("depth").GetInt32()}")];

    private static IEnumerable<string> Edges(JsonElement lineage) =>
        lineage.GetProperty("edges").EnumerateArray().Select(e =>
            $"{e.GetProperty("source").GetString()}>{e.GetProperty("target").GetString()}:{e.GetProperty("kind").GetString()}:{e.GetProperty("confidence")}");
}
