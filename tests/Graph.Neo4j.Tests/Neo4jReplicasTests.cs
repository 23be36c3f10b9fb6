using System.Text.Json;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;
using static CiteGraph.Graph.Neo4j.Tests.FakeNeo4j;

namespace CiteGraph.Graph.Neo4j.Tests;

/// <summary>
/// Several servers sharing one Neo4j (issue 22): each polls the store's change version to notice the others' writes.
/// On a fake Query API endpoint that keeps the change counter as Neo4j would (moved by a committed transaction that ran
/// <c>count-change</c>, not by one rolled back), replica B's version moves when replica A commits, even when no count does.
/// </summary>
public sealed class Neo4jReplicasTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeNeo4j _server = new();
    private readonly Neo4jGraphStore _replicaA;
    private readonly Neo4jGraphStore _replicaB;

    // The fake database: committed counter, and per open transaction whether it ran count-change.
    private long _counter;
    private readonly Dictionary<string, bool> _open = [];
    private int _transactions;
    private string? _failStatement;
    private readonly List<bool> _commitsAfterCountChange = [];
    private readonly Dictionary<string, string> _lastStatement = [];

    public Neo4jReplicasTests()
    {
        _server.Respond = Answer;
        var options = new Neo4jStoreOptions { Uri = new Uri("http://localhost:7474"), Password = "password", RetryDelay = TimeSpan.FromMilliseconds(1), MaxRetries = 0 };
        _replicaA = new Neo4jGraphStore(options, _server);
        _replicaB = new Neo4jGraphStore(options, _server);
    }

    public async ValueTask DisposeAsync()
    {
        await _replicaA.DisposeAsync();
        await _replicaB.DisposeAsync();
        _server.Dispose();
    }

    [Fact]
    public async Task A_load_committed_by_one_replica_moves_the_change_version_another_replica_polls()
    {
        var before = await _replicaB.GetChangeVersionAsync(Ct);
        Assert.Equal(before, await _replicaB.GetChangeVersionAsync(Ct));

        await _replicaA.UpsertAsync([Record()], Ct);

        // The node and relationship counts the fake reports never move: only the counter tells B.
        var after = await _replicaB.GetChangeVersionAsync(Ct);
        Assert.NotEqual(before, after);
        Assert.Equal(1, _counter);
        Assert.Equal(after, await _replicaA.GetChangeVersionAsync(Ct));
    }

    [Fact]
    public async Task A_write_rolled_back_leaves_the_change_version_where_it_was()
    {
        var before = await _replicaB.GetChangeVersionAsync(Ct);
        _failStatement = "upsert-authors";

        await Assert.ThrowsAnyAsync<Exception>(() => _replicaA.UpsertAsync([Record()], Ct));

        Assert.Equal(0, _counter);
        Assert.Equal(before, await _replicaB.GetChangeVersionAsync(Ct));
    }

    [Fact]
    public async Task Every_write_transaction_ends_with_the_change_counter()
    {
        await _replicaA.UpsertAsync([Record()], Ct);
        await _replicaA.WriteAnalyticsAsync(new AnalyticsResults { NodeIds = ["P0000000000000001"], PageRank = [0.5], Graph = "citations", Algorithms = ["pagerank"], RanAt = DateTimeOffset.UnixEpoch }, Ct);

        // Two write transactions, each committed once, each with count-change as its last statement.
        Assert.Equal(2, _counter);
        Assert.Equal([true, true], _commitsAfterCountChange);
    }

    [Fact]
    public async Task A_snapshot_holder_on_replica_b_rebuilds_only_after_replica_a_wrote()
    {
        var holder = new SnapshotHolder(_replicaB);
        await holder.RebuildAsync(Ct);
        Assert.False(await holder.RefreshIfChangedAsync(Ct));

        await _replicaA.UpsertAsync([Record()], Ct);

        Assert.True(await holder.RefreshIfChangedAsync(Ct));
        Assert.False(await holder.RefreshIfChangedAsync(Ct));
    }

    private static ResolvedRecord Record() => new("P0000000000000001", new PaperRecord
    {
        Title = "Paper One",
        Authors = ["Ada Quill"],
        Source = new SourceRef("a.txt", 1, "test"),
    });

    private FakeNeo4j.Answer Answer(FakeNeo4j.Request r)
    {
        const string Empty = """{"fields": [], "values": []}""";
        var path = r.Path;
        lock (_open)
        {
            if (r.Method == HttpMethod.Delete)
            {
                _open.Remove(path[(path.LastIndexOf('/') + 1)..]);
                return FakeNeo4j.Answer.Accepted($$"""{"data": {{Empty}}, "bookmarks": []}""");
            }

            if (path.EndsWith("/commit", StringComparison.Ordinal))
            {
                var id = path.Split('/')[^2];
                _commitsAfterCountChange.Add(_lastStatement.GetValueOrDefault(id) == CypherStatements.Get("count-change"));
                if (_open.Remove(id, out var counted) && counted)
                {
                    _counter++;
                }

                return FakeNeo4j.Answer.Accepted($$"""{"data": {{Empty}}, "bookmarks": []}""");
            }

            var statement = Statement(r);
            string? txId = null, transaction = "";
            if (path.EndsWith("/tx", StringComparison.Ordinal))
            {
                txId = "t" + ++_transactions;
                _open[txId] = false;
                transaction = $$""", "transaction": {"id": "{{txId}}", "expires": "2030-01-01T00:00:00Z"}""";
            }
            else if (path.Contains("/tx/", StringComparison.Ordinal))
            {
                txId = path[(path.LastIndexOf('/') + 1)..];
            }

            if (_failStatement is not null && statement == CypherStatements.Get(_failStatement))
            {
                // A failed statement closes the transaction on the server: nothing of it is kept.
                if (txId is not null)
                {
                    _open.Remove(txId);
                }

                return FakeNeo4j.Answer.Accepted("""{"errors": [{"code": "Neo.ClientError.Statement.SyntaxError", "message": "boom"}]}""");
            }

            if (txId is not null)
            {
                _lastStatement[txId] = statement;
            }

            if (statement == CypherStatements.Get("count-change") && txId is not null)
            {
                _open[txId] = true;
            }

            var data = statement == CypherStatements.Get("store-version")
                ? $$"""{"fields": ["nodes", "relationships", "analyticsRun", "changes"], "values": [[10, 20, 0, {{_counter}}]]}"""
                : statement == CypherStatements.Get("stats")
                ? """{"fields": ["papers", "repos", "topics", "authors", "citations", "inferredCitations", "sources", "links", "coTopicEdges"], "values": [[1, 0, 0, 1, 0, 0, 1, 0, 0]]}"""
                : Empty;
            return FakeNeo4j.Answer.Accepted($$"""{"data": {{data}}, "bookmarks": []{{transaction}}}""");
        }
    }
}
