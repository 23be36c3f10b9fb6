using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CiteGraph.Loaders.Generation;

namespace CiteGraph.Host.Tests;

/// <summary>A server with the API key, for the soak test's ingest and analytics.</summary>
public sealed class SoakServer : PreparedServerFactory
{
    public const string ApiKey = "soak-key";

    public SoakServer()
    {
        Set("CiteGraph:Demo", "true");
        Set("CiteGraph:ApiKey", ApiKey);
        Set("CiteGraph:Http:RateLimitPerMinute", "0");
        // The soak checks the report of an ingest under mixed load, not the job path (IngestJobTests): wait for it as
        // long as the request budget allows, so a busy machine does not turn the answer into a job.
        Set("CiteGraph:Ingest:AnswerWithinSeconds", "25");
        Set("CiteGraph:Ingest:SnapshotWaitSeconds", "25");
    }
}

/// <summary>
/// A bounded soak on the real pipeline: mixed queries from several clients while an ingest and an analytics run happen.
/// Fixed count and duration, in-process (loopback-equivalent TestServer), no 5xx allowed.
/// </summary>
public sealed class SoakTests(SoakServer server) : IClassFixture<SoakServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mixed_queries_during_ingest_and_analytics_get_no_5xx_and_every_ingested_paper_is_there()
    {
        using var client = server.CreateClient();
        var before = (await client.DataAsync("{ stats { papers } }")).GetProperty("stats").GetProperty("papers").GetInt32();
        var ids = (await client.DataAsync("{ papers(first: 50) { edges { node { id } } } }")).GetProperty("papers").GetProperty("edges")
            .EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!).ToArray();
        const int ingested = 400;
        var corpus = string.Join('\n', SyntheticCorpus.Lines(new GeneratorOptions { Papers = ingested, RefsPerPaper = 3, Seed = 11 }));

        var statuses = new ConcurrentBag<int>();
        var queries = new[]
        {
            "{ stats { papers citations topics } }",
            "query($id: ID!) { paper(id: $id) { title topics { topic { name } } repos { url } citationCount } }",
            "query($id: ID!) { lineage(paperId: $id, maxDepth: 3) { nodes { depth } } }",
            "query($id: ID!) { related(paperId: $id, first: 5) { score } }",
            "query($id: ID!) { subgraph(seeds: [$id], radius: 2) { nodes { id } edges { kind } } }",
            "{ search(text: \"learning\", first: 5) { score } }",
            "{ ranking(metric: CITATIONS, first: 5) { score } }",
        };
        GC.Collect();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(8));
        var readers = Enumerable.Range(0, 6).Select(async worker =>
        {
            var n = worker;
            while (!stop.IsCancellationRequested)
            {
                var query = queries[n % queries.Length];
                using var response = await client.PostAsJsonAsync("/graphql", new { query, variables = new { id = ids[n % ids.Length] } }, Ct);
                statuses.Add((int)response.StatusCode);
                n++;
            }
        }).ToArray();

        async Task<JsonElement> MutateAsync(string query, object variables)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
            request.Headers.Add("X-Api-Key", SoakServer.ApiKey);
            using var response = await client.SendAsync(request, Ct);
            statuses.Add((int)response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
        }

        var ingest = await MutateAsync("mutation($c: String!) { ingest(format: OPENALEX, content: $c) { loaded rejected } }", new { c = corpus });
        var analytics = await MutateAsync("mutation { runAnalytics(algorithms: [PAGERANK, LEIDEN, WCC]) { nodes } }", new { });
        await Task.WhenAll(readers);

        Assert.False(ingest.TryGetProperty("errors", out var ingestErrors), ingestErrors.ToString());
        Assert.Equal(ingested, ingest.GetProperty("data").GetProperty("ingest").GetProperty("loaded").GetInt32());
        Assert.False(analytics.TryGetProperty("errors", out var analyticsErrors), analyticsErrors.ToString());
        Assert.True(statuses.Count > 50, $"only {statuses.Count} requests in the soak");
        Assert.DoesNotContain(statuses, s => s >= 500);
        var after = (await client.DataAsync("{ stats { papers analyzedAt } }")).GetProperty("stats");
        Assert.Equal(before + ingested, after.GetProperty("papers").GetInt32());
        var sample = SyntheticCorpus.WorkId(ingested / 2);
        Assert.Equal(JsonValueKind.Object, (await client.DataAsync("query($id: ID!) { paper(id: $id) { id } }", new { id = sample })).GetProperty("paper").ValueKind);
        GC.Collect();
        var growth = GC.GetTotalMemory(forceFullCollection: true) - memoryBefore;
        Assert.True(growth < 256L * 1024 * 1024, $"managed memory grew by {growth / 1048576} MB during the soak");
    }
}
