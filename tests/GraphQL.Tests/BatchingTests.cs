using System.Text.Json;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Tests;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace CiteGraph.GraphQL.Tests;

public sealed class BatchingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_page_of_papers_with_their_repos_sources_ids_and_counts_costs_a_constant_number_of_store_reads()
    {
        using var dir = new TempDirectory();
        await using var sqlite = new SqliteGraphStore(new SqliteStoreOptions { Path = dir.File("b.db") });
        await sqlite.InitializeAsync(Ct);
        var records = Enumerable.Range(0, 150).Select(i => new ResolvedRecord(PaperId.For(null, null, $"paper {i}"), new PaperRecord
        {
            Title = $"Paper {i}",
            Abstract = "An abstract.",
            ArxivId = $"2101.{i:D5}",
            Repos = [new RepoLink(RepoUrl.TryParse($"https://github.com/o/r{i % 7}")!, $"https://github.com/o/r{i % 7}")],
            Source = new SourceRef("b.txt", i + 1, "test"),
        })).ToList();
        await sqlite.UpsertAsync(records, Ct);

        var (store, counter) = CountingStore.Wrap(sqlite);
        await using var services = new ServiceCollection().AddSingleton(store).AddCiteGraphQL().BuildServiceProvider();
        await services.GetRequiredService<SnapshotHolder>().RebuildAsync(Ct);

        async Task<int> CallsFor(int first)
        {
            counter.Calls.Clear();
            var data = await services.DataAsync(
                $"{{ papers(first: {first}) {{ edges {{ node {{ id repos {{ url }} repoLinks {{ evidence }} sources {{ file line }} externalIds {{ value }} links {{ url }} citationCount }} }} }} }}");
            var edges = data.GetProperty("papers").GetProperty("edges");
            Assert.Equal(first, edges.GetArrayLength());
            Assert.All(edges.EnumerateArray(), e => Assert.Single(e.GetProperty("node").GetProperty("repos").EnumerateArray()));
            return counter.Total;
        }

        var ten = await CallsFor(10);
        var hundred = await CallsFor(100);
        Assert.Equal(ten, hundred);
        Assert.True(hundred <= 6, $"{hundred} store calls: {string.Join(", ", counter.Calls.Select(c => $"{c.Key}×{c.Value}"))}");
    }

    [Fact]
    public async Task Community_and_co_topic_of_a_page_of_papers_cost_one_store_read_each_whatever_the_page_size()
    {
        using var dir = new TempDirectory();
        await using var sqlite = new SqliteGraphStore(new SqliteStoreOptions { Path = dir.File("c.db") });
        await sqlite.InitializeAsync(Ct);
        var records = Enumerable.Range(0, 120).Select(i => new ResolvedRecord(PaperId.For(null, null, $"paper {i}"), new PaperRecord
        {
            Title = $"Paper {i}",
            Abstract = "An abstract.",
            Source = new SourceRef("c.txt", i + 1, "test"),
        })).ToList();
        await sqlite.UpsertAsync(records, Ct);
        var ids = records.Select(r => r.PaperId).ToArray();
        // Each paper's co-topic neighbours are the next three papers, the nearest strongest; five communities in turn.
        var coTopic = ids.SelectMany((id, i) => Enumerable.Range(1, 3).Select(k => new CoTopicRow(id, ids[(i + k) % ids.Length], 1.0 / k, 1, ["shared"]))).ToList();
        await sqlite.WriteTopicGraphAsync(new TopicGraph([new Topic("shared", [], ids.Length)], ids.Select(id => new HasTopicRow(id, 0, 1)).ToList(), coTopic, []), Ct);
        await sqlite.WriteAnalyticsAsync(new AnalyticsResults
        {
            NodeIds = ids,
            Community = ids.Select((_, i) => i % 5).ToArray(),
            Communities = Enumerable.Range(0, 5).Select(c => new Community(c, 0, 24, $"field {c}")).ToList(),
            Graph = "citations",
            Algorithms = ["louvain"],
            RanAt = DateTimeOffset.UnixEpoch,
        }, Ct);

        var (store, counter) = CountingStore.Wrap(sqlite);
        await using var services = new ServiceCollection().AddSingleton(store).AddCiteGraphQL().BuildServiceProvider();
        await services.GetRequiredService<SnapshotHolder>().RebuildAsync(Ct);

        async Task<(int Calls, JsonElement Edges)> RunAsync(int first)
        {
            counter.Calls.Clear();
            var data = await services.DataAsync(
                $"{{ papers(first: {first}) {{ edges {{ node {{ id community {{ label }} coTopic(first: 2) {{ paper {{ id }} }} wider: coTopic(first: 3) {{ paper {{ id }} }} }} }} }} }}");
            return (counter.Total, data.GetProperty("papers").GetProperty("edges"));
        }

        var (ten, _) = await RunAsync(10);
        var (hundred, edges) = await RunAsync(100);
        Assert.Equal(ten, hundred);
        // One read for the communities, one per co-topic page size, and the page itself (with its count).
        Assert.Equal(1, counter.Calls.GetValueOrDefault(nameof(IGraphStore.GetCommunitiesByIdAsync)));
        Assert.Equal(2, counter.Calls.GetValueOrDefault(nameof(IGraphStore.GetCoTopicPapersOfPapersAsync)));
        Assert.False(counter.Calls.ContainsKey(nameof(IGraphStore.GetCommunityAsync)));
        Assert.False(counter.Calls.ContainsKey(nameof(IGraphStore.GetCoTopicPapersAsync)));
        Assert.True(hundred <= 5, $"{hundred} store calls: {string.Join(", ", counter.Calls.Select(c => $"{c.Key}×{c.Value}"))}");

        // Batched answers are each paper's own.
        Assert.Equal(100, edges.GetArrayLength());
        foreach (var node in edges.EnumerateArray().Select(e => e.GetProperty("node")))
        {
            var i = Array.IndexOf(ids, node.GetProperty("id").GetString());
            Assert.Equal($"field {i % 5}", node.GetProperty("community").GetProperty("label").GetString());
            Assert.Equal([ids[(i + 1) % ids.Length], ids[(i + 2) % ids.Length]], node.GetProperty("coTopic").EnumerateArray().Select(r => r.GetProperty("paper").GetProperty("id").GetString()));
            Assert.Equal(3, node.GetProperty("wider").GetArrayLength());
        }
    }
}
