using System.Text.Json;
using CiteGraph.Graph.Analytics;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Storage.Versions;
using CiteGraph.Loaders.Generation;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Tests;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace CiteGraph.GraphQL.Tests;

/// <summary>
/// Community events in the change feed (issue 21): two analyze runs with new papers loaded between them; the second run's
/// events reach <c>changes(since:)</c> as COMMUNITY_EVENTs of its version, the same ones the store keeps for
/// <c>communityTimeline</c>'s history, on a real SQLite file through the GraphQL executer.
/// </summary>
public sealed class CommunityChangeFeedTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private SqliteGraphStore _store = null!;
    private ServiceProvider _services = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("feed.db") });
        _services = new ServiceCollection().AddSingleton<IGraphStore>(_store).AddCiteGraphQL().BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task The_second_analyze_runs_community_events_are_in_the_feed_under_its_version_as_the_store_keeps_them()
    {
        var lines = SyntheticCorpus.Lines(new GeneratorOptions { Papers = 3_000, RefsPerPaper = 8, Seed = 11, BornYear = 2008 }).ToArray();
        var older = _dir.Write("older.jsonl", string.Join('\n', lines[..2_700]));
        var newer = _dir.Write("newer.jsonl", string.Join('\n', lines[2_700..]));
        await new Ingestor(_store).LoadAsync([InputFile.FromPath(older)], cancellationToken: Ct);
        await new AnalyticsRunner(_store).RunAsync(new AnalyticsRequest(), cancellationToken: Ct);
        var firstRun = (await _store.ReadVersionsAsync(0, 100, Ct))[^1];
        await new Ingestor(_store).LoadAsync([InputFile.FromPath(newer)], cancellationToken: Ct);
        await new AnalyticsRunner(_store).RunAsync(new AnalyticsRequest(), cancellationToken: Ct);
        var secondRun = (await _store.ReadVersionsAsync(0, 100, Ct))[^1];
        Assert.Equal((VersionKind.Analyze, VersionKind.Analyze), (firstRun.Kind, secondRun.Kind));

        // What the store recorded for the second run (its history, the one communityTimeline and the explorer read).
        var all = await _store.GetCommunityEventsAsync(cancellationToken: Ct);
        var lastRun = all.Max(e => e.Run);
        var kept = all.Where(e => e.Run == lastRun)
            .Select(e => $"{CommunityEventNames.Name(e.Kind)} {e.Level} {e.Community} {e.Size} {e.PreviousSize} {CommunityEventNames.RelatedJson(e.Related)}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(kept);

        // The feed since the first analyze run, read in pages of 50.
        var fed = new List<JsonElement>();
        string? after = null;
        do
        {
            var page = (await ExecuteAsync($$"""
                { changes(since: "v{{firstRun.Number}}", first: 50{{(after is null ? "" : $", after: \"{after}\"")}}) {
                    pageInfo { hasNextPage endCursor }
                    edges { node { kind version paperId ... on CommunityChange { event level communityId size previousSize related { communityId jaccard } } } } } }
                """)).GetProperty("data").GetProperty("changes");
            fed.AddRange(page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")));
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        var community = fed.Where(e => e.GetProperty("kind").GetString() == "COMMUNITY_EVENT").ToList();
        Assert.All(community, e => Assert.Equal($"v{secondRun.Number}", e.GetProperty("version").GetString()));
        Assert.All(community, e => Assert.Equal(e.GetProperty("communityId").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), e.GetProperty("paperId").GetString()));
        var feed = community.Select(e =>
            $"{e.GetProperty("event").GetString()} {e.GetProperty("level").GetInt32()} {e.GetProperty("communityId").GetInt32()} {e.GetProperty("size").GetInt32()} " +
            $"{e.GetProperty("previousSize").GetInt32()} {JsonSerializer.Serialize(e.GetProperty("related").EnumerateArray().Select(r => new[] { r.GetProperty("communityId").GetDouble(), r.GetProperty("jaccard").GetDouble() }))}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(kept, feed);
        // The load between the runs is in the feed too, before them.
        Assert.Contains(fed, e => e.GetProperty("kind").GetString() == "PAPER_ADDED");
        Assert.Equal("COMMUNITY_EVENT", fed[^1].GetProperty("kind").GetString());
    }

    private async Task<JsonElement> ExecuteAsync(string query)
    {
        var result = await _services.GetRequiredService<IDocumentExecuter<CiteGraphSchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = query,
            RequestServices = _services,
            CancellationToken = Ct,
        });
        var json = JsonDocument.Parse(_services.GetRequiredService<IGraphQLTextSerializer>().Serialize(result)).RootElement.Clone();
        Assert.False(json.TryGetProperty("errors", out var errors), errors.ToString());
        return json;
    }
}
