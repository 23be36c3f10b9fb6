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
            var result = await services.GetRequiredService<IDocumentExecuter<CiteGraphSchema>>().ExecuteAsync(new ExecutionOptions
            {
                Query = $"{{ papers(first: {first}) {{ edges {{ node {{ id repos {{ url }} repoLinks {{ evidence }} sources {{ file line }} externalIds {{ value }} links {{ url }} citationCount }} }} }} }}",
                RequestServices = services,
                CancellationToken = Ct,
            });
            Assert.Null(result.Errors);
            var json = JsonDocument.Parse(services.GetRequiredService<IGraphQLTextSerializer>().Serialize(result));
            var edges = json.RootElement.GetProperty("data").GetProperty("papers").GetProperty("edges");
            Assert.Equal(first, edges.GetArrayLength());
            Assert.All(edges.EnumerateArray(), e => Assert.Single(e.GetProperty("node").GetProperty("repos").EnumerateArray()));
            return counter.Total;
        }

        var ten = await CallsFor(10);
        var hundred = await CallsFor(100);
        Assert.Equal(ten, hundred);
        Assert.True(hundred <= 6, $"{hundred} store calls: {string.Join(", ", counter.Calls.Select(c => $"{c.Key}×{c.Value}"))}");
    }
}
