using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CiteGraph.Tests;

namespace CiteGraph.Host.Tests;

/// <summary>A CLI load into the database a server is serving shows up in the server's answers (issue 17, item 5).</summary>
public sealed class ReadModelFreshnessTests : IAsyncLifetime
{
    private const string Older = """{"id":"https://openalex.org/W4100000001","doi":"10.5555/fresh.1","title":"Foundations Of Fresh Read Models","publication_year":2019,"referenced_works":[]}""";
    private const string Newer = """{"id":"https://openalex.org/W4100000002","doi":"10.5555/fresh.2","title":"Building On Fresh Read Models","publication_year":2023,"referenced_works":["https://openalex.org/W4100000001"]}""";

    private readonly PreparedServerFactory _server = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        using var dir = new TempDirectory();
        var older = dir.Write("older.jsonl", Older + "\n");
        var (exitCode, _, stderr) = await CitegraphProcess.RunAsync(Ct, "load", older, "--db", _server.DatabasePath, "--quiet", "--no-derive");
        Assert.True(exitCode == 0, stderr);
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_cli_load_into_a_served_database_reaches_lineage_subgraph_stats_and_health_within_five_seconds()
    {
        using var client = _server.CreateClient();
        var before = await client.DataAsync("{ stats { papers } }");
        Assert.Equal(1, before.GetProperty("stats").GetProperty("papers").GetInt32());
        var readyBefore = await ReadyAsync(client);

        // Another process writes the served file, as `citegraph load` does while `serve` runs.
        using var dir = new TempDirectory();
        var newer = dir.Write("newer.jsonl", Newer + "\n");
        var loadStarted = DateTimeOffset.UtcNow;
        var (exitCode, _, stderr) = await CitegraphProcess.RunAsync(Ct, "load", newer, "--db", _server.DatabasePath, "--quiet", "--no-derive");
        Assert.True(exitCode == 0, stderr);

        var id = (await client.DataAsync("{ paper(id: \"10.5555/fresh.2\") { id } }")).GetProperty("paper").GetProperty("id").GetString()!;
        var clock = Stopwatch.StartNew();
        JsonElement? lineage = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            var response = await client.PostAsync(
                "query($id: ID!) { lineage(paperId: $id, maxDepth: 2) { nodes { paper { id doi: externalIds { value } } } } }", new { id });
            if (!response.TryGetProperty("errors", out _))
            {
                lineage = response.GetProperty("data").GetProperty("lineage");
                break;
            }

            Assert.Equal("NOT_FOUND", response.ErrorCode()); // stale, not broken
            await Task.Delay(100, Ct);
        }

        Assert.True(lineage is not null, $"lineage still NOT_FOUND {clock.Elapsed.TotalSeconds:F1} s after the load");
        Assert.Contains(lineage.Value.GetProperty("nodes").EnumerateArray(),
            n => n.GetProperty("paper").GetProperty("doi").EnumerateArray().Any(e => e.GetProperty("value").GetString() == "10.5555/fresh.1"));

        var subgraph = await client.DataAsync("query($s: [ID!]!) { subgraph(seeds: $s) { nodes { id } edges { source target } } }", new { s = new[] { id } });
        Assert.Equal(2, subgraph.GetProperty("subgraph").GetProperty("nodes").GetArrayLength());
        Assert.Equal(1, subgraph.GetProperty("subgraph").GetProperty("edges").GetArrayLength());
        Assert.Equal(2, (await client.DataAsync("{ stats { papers citations } }")).GetProperty("stats").GetProperty("papers").GetInt32());

        // Health says which snapshot it serves, how old it is and which store version it reflects.
        var readyAfter = await ReadyAsync(client);
        Assert.True(readyAfter.GetProperty("snapshot").GetInt64() > readyBefore.GetProperty("snapshot").GetInt64());
        Assert.NotEqual(readyBefore.GetProperty("storeVersion").GetInt64(), readyAfter.GetProperty("storeVersion").GetInt64());
        Assert.True(DateTimeOffset.Parse(readyAfter.GetProperty("builtAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > loadStarted,
            "the snapshot served was built after the load began");
        Assert.True(readyAfter.GetProperty("ageSeconds").GetDouble() >= 0);
    }

    private static async Task<JsonElement> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        return report.GetProperty("checks").GetProperty("snapshot").GetProperty("data");
    }
}
