using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Graph.Storage.Versions;
using CiteGraph.GraphQL.Http;
using CiteGraph.Host.Hosting;
using CiteGraph.Loaders.Generation;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Tests;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CiteGraph.Host.Tests.ClientTools;

/// <summary>
/// The SSE push holds the feed's "nothing lost" promise (issue 21): the real npm <c>graphql-sse</c> client subscribed to the
/// real server while a load writes the served file in many small batches receives every event of the load once.
/// </summary>
public sealed partial class ChangeStreamDuringLoadTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_graphql_sse_client_subscribed_while_a_load_commits_many_batches_receives_every_event_once()
    {
        NodeTools.RequireInstalled("graphql-sse");
        var seed = _dir.Write("seed.jsonl", string.Join('\n', SyntheticCorpus.Lines(new GeneratorOptions { Papers = 100, RefsPerPaper = 3, Seed = 61 }).Select(l => Ids().Replace(l, "${1}9$2"))));
        var corpus = _dir.Write("load.jsonl", string.Join('\n', SyntheticCorpus.Lines(new GeneratorOptions { Papers = 1_500, RefsPerPaper = 4, Seed = 67 })));

        // How many events the load makes: the same load into a file of its own (a load's events do not depend on timing).
        var scratch = _dir.File("scratch.db");
        var expected = await LoadAsync(scratch, seed, corpus);

        var database = _dir.File("live.db");
        await LoadAsync(database, seed, null);
        using var host = CiteGraphWebHost.CreateBuilder(["--urls", "http://127.0.0.1:0", "--CiteGraph:Database=" + database,
            "--Serilog:MinimumLevel:Default=Warning"]).Build();
        await host.StartAsync(Ct);
        var url = new Uri(new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), "/graphql");
        var listening = NodeTools.RunAsync("sse.mjs", url.ToString(), "v1", expected.Count.ToString(CultureInfo.InvariantCulture), "110000");
        await ChangeStreamTests.WaitAsync(() => GraphQLSse.Open > 0, "the client to subscribe");

        var stored = await LoadAsync(database, null, corpus);
        var run = await listening;
        await host.StopAsync(Ct);
        Assert.True(run.ExitCode == 0, run.ToString());
        var received = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(l => l.TryGetProperty("event", out _)).Select(l => Content(l.GetProperty("event"))).ToList();

        Assert.Equal(expected.Count, stored.Count);
        var missing = stored.Except(received).Take(5).ToList();
        Assert.True(missing.Count == 0, $"{received.Count} of {stored.Count} events pushed; missing e.g. {string.Join("; ", missing)}");
        Assert.Equal(stored.Order(StringComparer.Ordinal), received.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Loads <paramref name="seed"/> (version 1) and <paramref name="corpus"/> into <paramref name="database"/>, the corpus in
    /// batches of 40 records; the feed after version 1 as the client prints it (null: nothing loaded after the seed).
    /// </summary>
    private static async Task<List<string>> LoadAsync(string database, string? seed, string? corpus)
    {
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = database });
        if (seed is not null)
        {
            await new Ingestor(store).LoadAsync([InputFile.FromPath(seed)], cancellationToken: Ct);
        }

        if (corpus is null)
        {
            return [];
        }

        await new Ingestor(store, new IngestOptions { BatchSize = 40 }).LoadAsync([InputFile.FromPath(corpus)], cancellationToken: Ct);
        var events = new List<string>();
        var after = ChangeCursor.Start;
        while (true)
        {
            var page = await store.ReadChangesAsync(1, after, 5_000, Ct);
            events.AddRange(page.Events.Select(e =>
                $"v{e.Version}|{KindName(e.Kind)}|{e.PaperId}|{(e.Kind is ChangeKind.CitationAdded or ChangeKind.CitationRemoved ? e.OtherPaperId : null)}|{e.Sequence}"));
            if (!page.HasNextPage)
            {
                return events;
            }

            after = page.Events[^1].Cursor;
        }
    }

    private static string Content(JsonElement e) =>
        $"{e.GetProperty("version").GetString()}|{e.GetProperty("kind").GetString()}|{e.GetProperty("paperId").GetString()}|" +
        $"{(e.TryGetProperty("citedId", out var cited) ? cited.GetString() : null)}|{e.GetProperty("sequence").GetString()}";

    private static string KindName(ChangeKind kind) => Regex.Replace(kind.ToString(), "(?<!^)([A-Z])", "_$1").ToUpperInvariant();

    /// <summary>Work ids, DOIs and title numbers of the generator: the seed's are moved so that it shares no paper with the load.</summary>
    [GeneratedRegex(@"(/W|synthetic\.|Study )(\d+)")]
    private static partial Regex Ids();
}
