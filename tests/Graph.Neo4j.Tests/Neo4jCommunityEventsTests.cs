using System.Text.Json;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using static CiteGraph.Graph.Neo4j.Tests.FakeNeo4j;

namespace CiteGraph.Graph.Neo4j.Tests;

/// <summary>The Neo4j store's community history on a fake Query API endpoint: what the write-back sends, how answers read back.</summary>
public sealed class Neo4jCommunityEventsTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeNeo4j _server = new();
    private readonly Neo4jGraphStore _store;

    /// <summary>The <c>data</c> answered to a statement, by statement name.</summary>
    private readonly Dictionary<string, string> _data = [];

    public Neo4jCommunityEventsTests()
    {
        _store = new Neo4jGraphStore(
            new Neo4jStoreOptions { Uri = new Uri("http://localhost:7474"), Password = "password", RetryDelay = TimeSpan.FromMilliseconds(1), BatchSize = 2 },
            _server);
        _server.Respond = r =>
        {
            var statement = Statement(r);
            var transaction = r.Path.EndsWith("/tx", StringComparison.Ordinal) ? """, "transaction": {"id": "t1", "expires": "2030-01-01T00:00:00Z"}""" : "";
            var data = _data.FirstOrDefault(d => CypherStatements.Get(d.Key) == statement).Value ?? """{"fields": [], "values": []}""";
            return FakeNeo4j.Answer.Accepted($$"""{"data": {{data}}, "bookmarks": []{{transaction}}}""");
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _server.Dispose();
    }

    private List<FakeNeo4j.Request> Sent(string name) => _server.Requests.Where(r => Statement(r) == CypherStatements.Get(name)).ToList();

    [Fact]
    public async Task The_write_back_records_the_highest_id_and_the_events_after_the_run_in_its_transaction()
    {
        CommunityEvent[] events =
        [
            new(CommunityEventKind.Merged, 0, 3, 40, 25, [new CommunityOverlap(3, 0.625), new CommunityOverlap(9, 0.375)]),
            new(CommunityEventKind.Split, 1, 12, 10, 30, [new CommunityOverlap(12, 0.33), new CommunityOverlap(31, 0.3)]),
            new(CommunityEventKind.Died, 1, 14, 0, 6, []),
        ];

        await _store.WriteAnalyticsAsync(new AnalyticsResults
        {
            NodeIds = ["P1", "P2"],
            Community = [3, 3],
            CommunityLevels = [[3, 3]],
            Communities = [new Community(3, 0, 2, "field")],
            CommunityEvents = events,
            Graph = "hybrid",
            Algorithms = ["leiden"],
            RanAt = DateTimeOffset.UnixEpoch,
        }, Ct);

        var statements = _server.Requests.Select(Statement).Where(s => s.Length > 0).ToList();
        var run = statements.IndexOf(CypherStatements.Get("write-analytics-run"));
        var max = statements.IndexOf(CypherStatements.Get("write-max-community"));
        var first = statements.IndexOf(CypherStatements.Get("write-community-events"));
        Assert.True(run >= 0 && max > run && first > max, string.Join("\n---\n", statements));
        Assert.All(_server.Requests.Where(r => Statement(r).Length > 0).Skip(1), r => Assert.StartsWith("/db/neo4j/query/v2/tx/t1", r.Path, StringComparison.Ordinal));
        // Batches of two rows, in the run's order, each with its number in the run.
        var rows = Sent("write-community-events").SelectMany(r => Parameters(r).GetProperty("rows").EnumerateArray()).ToList();
        Assert.Equal([0, 1, 2], rows.Select(r => r.GetProperty("seq").GetInt32()));
        Assert.Equal(["MERGED", "SPLIT", "DIED"], rows.Select(r => r.GetProperty("kind").GetString()));
        Assert.Equal([3, 9], rows[0].GetProperty("relatedIds").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([0.625, 0.375], rows[0].GetProperty("relatedJaccard").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal((1, 12, 10, 30), (rows[1].GetProperty("level").GetInt32(), rows[1].GetProperty("community").GetInt32(),
            rows[1].GetProperty("size").GetInt32(), rows[1].GetProperty("previousSize").GetInt32()));
    }

    [Fact]
    public async Task Events_are_read_since_a_run_and_the_highest_id_with_null_for_none()
    {
        _data["community-events"] = """
            {"fields": ["run", "ranAt", "level", "kind", "community", "size", "previousSize", "relatedIds", "relatedJaccard"],
             "values": [[4, "2026-12-04T20:00:00.0000000+00:00", 0, "BORN", 17, 12, 0, [], []],
                        [4, "2026-12-04T20:00:00.0000000+00:00", 0, "MERGED", 3, 40, 25, [3, 9], [0.625, 0.375]]]}
            """;
        _data["max-community-id"] = """{"fields": ["maxId"], "values": [[null]]}""";

        var events = await _store.GetCommunityEventsAsync(3, 4, Ct);
        var max = await _store.GetMaxCommunityIdAsync(Ct);

        var parameters = Parameters(Sent("community-events").Single());
        Assert.Equal((3, 4), (parameters.GetProperty("after").GetInt64(), parameters.GetProperty("until").GetInt64()));
        Assert.Equal(
            [
                new CommunityEvent(CommunityEventKind.Born, 0, 17, 12, 0, []) { Run = 4, At = new DateTimeOffset(2026, 12, 4, 20, 0, 0, TimeSpan.Zero) },
                new CommunityEvent(CommunityEventKind.Merged, 0, 3, 40, 25, [new CommunityOverlap(3, 0.625), new CommunityOverlap(9, 0.375)])
                {
                    Run = 4, At = new DateTimeOffset(2026, 12, 4, 20, 0, 0, TimeSpan.Zero),
                },
            ],
            events);
        Assert.Null(max);
    }
}
