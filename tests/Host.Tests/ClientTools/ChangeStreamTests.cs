using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using CiteGraph.GraphQL.Http;
using CiteGraph.Host.Hosting;
using CiteGraph.Tests;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CiteGraph.Host.Tests.ClientTools;

/// <summary>
/// The change feed pushed over GraphQL over SSE to the real npm <c>graphql-sse</c> client (tools/clients/sse.mjs) from the
/// real server on a loopback port: an ingest's events arrive within a second of their commit, and a shutdown ends an open
/// subscription cleanly (the client sees <c>complete</c>).
/// </summary>
public sealed class ChangeStreamTests : IDisposable
{
    private const string Key = "sse-test-key";
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task An_ingests_events_reach_a_graphql_sse_client_within_a_second_of_their_commit_and_shutdown_completes_the_stream()
    {
        NodeTools.RequireInstalled("graphql-sse");
        var database = _dir.File("live.db");
        using var host = CiteGraphWebHost.CreateBuilder(["--urls", "http://127.0.0.1:0", "--CiteGraph:Database=" + database,
            "--CiteGraph:Demo=true", "--CiteGraph:ApiKey=" + Key, "--Serilog:MinimumLevel:Default=Warning"]).Build();
        await host.StartAsync(Ct);
        var url = new Uri(new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), "/graphql");
        using var http = new HttpClient { BaseAddress = url };

        var latest = await LatestVersionAsync(http);
        var listening = NodeTools.RunAsync("sse.mjs", url.ToString(), $"v{latest}", "1", "15000");
        await WaitAsync(() => GraphQLSse.Open > 0, "the client to subscribe");

        var ingest = IngestAsync(http);
        var committedAt = await FirstCommitAsync(database, latest);
        Assert.True((await ingest).TryGetProperty("data", out _));
        var run = await listening;
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var first = lines.First(l => l.TryGetProperty("event", out _));
        Assert.Equal("PAPER_ADDED", first.GetProperty("event").GetProperty("kind").GetString());
        Assert.True(VersionNumber(first.GetProperty("event").GetProperty("version").GetString()!) > latest);
        var delay = first.GetProperty("at").GetInt64() - committedAt;
        Assert.True(delay <= 1000, $"the event arrived {delay} ms after its commit was seen");

        // A subscription still open when the server stops is completed, not cut: the client's iteration ends normally.
        // The first client left after its event: its stream ends when the server sees the connection close.
        await WaitAsync(() => GraphQLSse.Open == 0, "the first subscription to end after its client left");
        var open = NodeTools.RunAsync("sse.mjs", url.ToString(), "v0", "100000", "30000");
        await WaitAsync(() => GraphQLSse.Open > 0, "the second client to subscribe");
        var stopping = Stopwatch.StartNew();
        await host.StopAsync(Ct);
        var ended = await open;
        Assert.True(ended.ExitCode == 0, ended.ToString());
        Assert.Contains("\"done\":", ended.LastLine, StringComparison.Ordinal);
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"shutdown took {stopping.Elapsed}");
        Assert.Equal(0, GraphQLSse.Open);
    }

    private static long VersionNumber(string id) => long.Parse(id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<long> LatestVersionAsync(HttpClient http)
    {
        using var response = await http.PostAsJsonAsync("", new { query = "{ versions(first: 500) { edges { node { number } } } }" }, Ct);
        var edges = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("data").GetProperty("versions").GetProperty("edges");
        return edges.EnumerateArray().Max(e => e.GetProperty("node").GetProperty("number").GetInt64());
    }

    private static async Task<JsonElement> IngestAsync(HttpClient http)
    {
        const string Listing = "Daily Papers\n\nSubscribe\n\nTidal Sketches for Streaming Joins\n\nWe introduce tidal sketches, a summary for streaming joins over unbounded inputs.\n";
        using var request = new HttpRequestMessage(HttpMethod.Post, "")
        {
            Content = JsonContent.Create(new { query = "mutation($c: String!) { ingest(format: HF_LISTING, content: $c) { new } }", variables = new { c = Listing } }),
        };
        request.Headers.Add("X-Api-Key", Key);
        using var response = await http.SendAsync(request, Ct);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }

    /// <summary>When the first event after <paramref name="since"/> was seen committed, reading the file every 5 ms (ms since the epoch).</summary>
    private static async Task<long> FirstCommitAsync(string database, long since)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM change_event WHERE version > $v);";
        command.Parameters.AddWithValue("$v", since);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if ((long)(await command.ExecuteScalarAsync(Ct))! == 1)
            {
                return DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            }

            await Task.Delay(5, Ct);
        }

        Assert.Fail("the ingest committed no event within 30 s");
        return 0;
    }

    /// <summary>Waits (up to 20 s, then fails) until <paramref name="condition"/> holds.</summary>
    internal static async Task WaitAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"timed out waiting for {what}");
            await Task.Delay(20, Ct);
        }
    }
}
