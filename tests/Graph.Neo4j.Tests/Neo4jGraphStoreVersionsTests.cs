using System.Text.Json;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Neo4j;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Storage.Versions;
using static CiteGraph.Graph.Neo4j.Tests.FakeNeo4j;

namespace CiteGraph.Graph.Neo4j.Tests;

/// <summary>
/// Versions on Neo4j (issue 21), on a fake Query API endpoint: a run's first write opens its <c>:Version</c> in a
/// transaction of its own and every citation the run creates carries its number; the run's end finishes it; versions are
/// read back by their statements. The change feed and answers as of a version, which Neo4j does not record yet, fail
/// with <see cref="StoreCannotAnswerException"/> and send nothing.
/// </summary>
public sealed class Neo4jGraphStoreVersionsTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeNeo4j _server = new();
    private readonly Neo4jGraphStore _store;

    /// <summary>The <c>data</c> the server answers to a statement, by statement name.</summary>
    private readonly Dictionary<string, string> _data = [];

    public Neo4jGraphStoreVersionsTests()
    {
        _store = new Neo4jGraphStore(new Neo4jStoreOptions { Uri = new Uri("http://localhost:7474"), Password = "password", BatchSize = 2 }, _server);
        _server.Respond = r =>
        {
            var transaction = r.Path.EndsWith("/tx", StringComparison.Ordinal)
                ? $$""", "transaction": {"id": "t{{_server.Requests.Count(q => q.Path.EndsWith("/tx", StringComparison.Ordinal))}}", "expires": "2030-01-01T00:00:00Z"}"""
                : "";
            var statement = Statement(r);
            var data = _data.FirstOrDefault(d => CypherStatements.Get(d.Key) == statement).Value ?? """{"fields": [], "values": []}""";
            return FakeNeo4j.Answer.Accepted($$"""{"data": {{data}}, "bookmarks": []{{transaction}}}""");
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _server.Dispose();
    }

    [Fact]
    public async Task A_run_opens_its_version_once_stamps_it_on_the_citations_it_writes_and_finishes_it()
    {
        _data["open-version"] = """{"fields": ["number"], "values": [[7]]}""";
        _data["complete-version"] = """
            {"fields": ["number", "kind", "at", "finishedAt", "citationsAdded"],
             "values": [[7, "LOAD", "2026-12-05T07:00:00.0000000+00:00", "2026-12-05T07:01:00.0000000+00:00", 3]]}
            """;
        var citations = new[] { new Citation("P1", "P2", CitationKind.Explicit), new Citation("P1", "P3", CitationKind.Explicit), new Citation("P2", "P3", CitationKind.Explicit) };

        GraphVersion finished;
        using (var run = VersionRun.Begin(VersionKind.Load))
        {
            await _store.UpsertCitationsAsync(citations, Ct);
            await _store.UpsertCitationsAsync(citations[..1], Ct);
            Assert.Equal(7, run.Number);
            finished = await _store.CompleteRunAsync(run, Ct);
        }

        var opened = Assert.Single(Sent("open-version"));
        Assert.Equal("LOAD", Parameters(opened).GetProperty("kind").GetString());
        // Every chunk of both writes (batch size 2: two chunks, then one) carries the run's version; the version was opened
        // in its own transaction, before the first of them.
        var writes = Sent("upsert-citations");
        Assert.Equal(3, writes.Count);
        Assert.All(writes, w => Assert.Equal(7, Parameters(w).GetProperty("version").GetInt64()));
        Assert.True(_server.Requests.IndexOf(opened) < _server.Requests.IndexOf(writes[0]));
        Assert.Equal(7, Parameters(Assert.Single(Sent("complete-version"))).GetProperty("number").GetInt64());
        Assert.Equal((7L, VersionKind.Load, 3), (finished.Number, finished.Kind, finished.Summary.CitationsAdded));
        Assert.NotNull(finished.FinishedAt);

        // Outside a run a write belongs to no version: no version is opened and the citations carry none.
        _server.Requests.Clear();
        await _store.UpsertCitationsAsync(citations[..1], Ct);
        Assert.Empty(Sent("open-version"));
        Assert.Equal(JsonValueKind.Null, Parameters(Assert.Single(Sent("upsert-citations"))).GetProperty("version").ValueKind);
    }

    [Fact]
    public async Task A_run_that_wrote_nothing_is_an_empty_version_of_its_own()
    {
        _data["open-version"] = """{"fields": ["number"], "values": [[2]]}""";
        _data["complete-version"] = """
            {"fields": ["number", "kind", "at", "finishedAt", "citationsAdded"],
             "values": [[2, "INGEST", "2026-12-05T07:00:00.0000000+00:00", "2026-12-05T07:00:01.0000000+00:00", 0]]}
            """;
        using var run = VersionRun.Begin(VersionKind.Ingest);
        var version = await _store.CompleteRunAsync(run, Ct);

        Assert.Equal("INGEST", Parameters(Assert.Single(Sent("open-version"))).GetProperty("kind").GetString());
        Assert.Equal((2L, VersionKind.Ingest, 0), (version.Number, version.Kind, version.Summary.CitationsAdded));
    }

    [Fact]
    public async Task Versions_are_read_back_in_order_and_one_by_its_number()
    {
        _data["versions"] = """
            {"fields": ["number", "kind", "at", "finishedAt", "citationsAdded"],
             "values": [[3, "LOAD", "2026-12-05T07:00:00.0000000+00:00", "2026-12-05T07:01:00.0000000+00:00", 10],
                        [4, "INGEST", "2026-12-05T08:00:00.0000000+00:00", null, 0]]}
            """;
        _data["version-by-number"] = """
            {"fields": ["number", "kind", "at", "finishedAt", "citationsAdded"],
             "values": [[3, "LOAD", "2026-12-05T07:00:00.0000000+00:00", "2026-12-05T07:01:00.0000000+00:00", 10]]}
            """;

        var versions = await _store.ReadVersionsAsync(2, 5, Ct);
        Assert.Equal([3L, 4L], versions.Select(v => v.Number));
        Assert.Equal(10, versions[0].Summary.CitationsAdded);
        Assert.Null(versions[1].FinishedAt);
        var read = Parameters(Assert.Single(Sent("versions")));
        Assert.Equal((2, 5), (read.GetProperty("after").GetInt32(), read.GetProperty("first").GetInt32()));

        Assert.Equal(VersionKind.Load, (await _store.FindVersionAsync(3, Ct))!.Kind);
        Assert.Equal(3, Parameters(Assert.Single(Sent("version-by-number"))).GetProperty("number").GetInt64());
        _data.Remove("version-by-number");
        Assert.Null(await _store.FindVersionAsync(9, Ct));
    }

    [Fact]
    public async Task The_change_feed_and_answers_as_of_a_version_say_Neo4j_does_not_record_them_yet()
    {
        Assert.True(_store.KeepsVersions);
        var calls = new Func<Task>[]
        {
            () => _store.ReadChangesAsync(0, ChangeCursor.Start, 10, Ct),
            () => _store.FindPaperAsOfAsync("P1", 1, Ct),
            () => _store.RankAsOfAsync(RankingMetric.PageRank, 10, new PaperFilter(), 1, Ct),
            () => ((IVersionLog)_store).RankAsOfAsync(RankingMetric.Citations, 10, new PaperFilter(), 1, null, Ct),
        };
        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<StoreCannotAnswerException>(call);
            Assert.Equal(Neo4jGraphStore.NotRecordedYet, error.Message);
        }

        Assert.Empty(_server.Requests);
    }

    private List<FakeNeo4j.Request> Sent(string name) =>
        [.. _server.Requests.Where(r => r.Body is not null && Statement(r) == CypherStatements.Get(name))];

}
