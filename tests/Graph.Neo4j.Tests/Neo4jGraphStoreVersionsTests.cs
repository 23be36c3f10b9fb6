using CiteGraph.Graph.Neo4j;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Storage.Versions;

namespace CiteGraph.Graph.Neo4j.Tests;

/// <summary>
/// The Neo4j store keeps no versions yet (issue 21 lands them in SQLite first): it says so, and asking for the history
/// fails with a message instead of answering an empty one, without sending Neo4j anything.
/// </summary>
public sealed class Neo4jGraphStoreVersionsTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeNeo4j _server = new();
    private readonly Neo4jGraphStore _store;

    public Neo4jGraphStoreVersionsTests() =>
        _store = new Neo4jGraphStore(new Neo4jStoreOptions { Uri = new Uri("http://localhost:7474"), Password = "password" }, _server);

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _server.Dispose();
    }

    [Fact]
    public async Task Asking_a_Neo4j_store_for_versions_changes_or_asOf_says_it_keeps_none()
    {
        Assert.False(_store.KeepsVersions);
        var calls = new Func<Task>[]
        {
            () => _store.ReadVersionsAsync(0, 10, Ct),
            () => _store.ReadChangesAsync(0, 0, 10, Ct),
            () => _store.FindPaperAsOfAsync("P1", 1, Ct),
            () => _store.RankAsOfAsync(RankingMetric.PageRank, 10, new PaperFilter(), 1, Ct),
        };
        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<GraphStoreException>(call);
            Assert.Contains("does not record versions", error.Message, StringComparison.Ordinal);
        }

        Assert.Empty(_server.Requests);
        using var run = VersionRun.Begin(VersionKind.Load);
        Assert.Same(run, VersionRun.Current);
    }
}
