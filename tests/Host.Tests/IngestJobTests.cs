using System.Net.Http.Json;
using System.Text.Json;

namespace CiteGraph.Host.Tests;

/// <summary>A keyed demo server whose ingests never wait: every one answers with its job (the large-store case).</summary>
public sealed class NoWaitIngestServer : PreparedServerFactory
{
    public NoWaitIngestServer()
    {
        Set("CiteGraph:Demo", "true");
        Set("CiteGraph:ApiKey", KeyedServer.ApiKey);
        Set("CiteGraph:Ingest:AnswerWithinSeconds", "0");
    }
}

/// <summary>The <c>ingest</c> mutation's job: answered with the report inside the budget, polled with <c>job(id)</c> past it.</summary>
public sealed class IngestJobTests(KeyedServer keyed, NoWaitIngestServer noWait) : IClassFixture<KeyedServer>, IClassFixture<NoWaitIngestServer>
{
    private const string Mutation = "mutation($c: String!) { ingest(format: HF_LISTING, content: $c) { loaded new papersInStore job { id state } } }";
    private const string Poll = "query($id: ID!) { job(id: $id) { state error report { loaded new papersInStore } } }";

    private static string Listing(string title) =>
        $"Daily Papers\n\nSubscribe\n\n{title}\n\nWe introduce {title.ToLowerInvariant()}, a fictional method for scholarly question answering over citation graphs.\n";

    private static async Task<JsonElement> KeyedAsync(HttpClient client, string query, object variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Add("X-Api-Key", KeyedServer.ApiKey);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
        Assert.False(json.TryGetProperty("errors", out var errors), errors.ToString());
        return json.GetProperty("data");
    }

    [Fact]
    public async Task An_ingest_inside_the_budget_answers_its_report_with_a_done_job_that_job_finds_again()
    {
        using var client = keyed.CreateClient();
        var ingest = (await KeyedAsync(client, Mutation, new { c = Listing("Borealis Rankers for Cited Spans") })).GetProperty("ingest");
        Assert.Equal(1, ingest.GetProperty("loaded").GetInt32());
        Assert.Equal("DONE", ingest.GetProperty("job").GetProperty("state").GetString());

        var job = (await KeyedAsync(client, Poll, new { id = ingest.GetProperty("job").GetProperty("id").GetString() })).GetProperty("job");
        Assert.Equal("DONE", job.GetProperty("state").GetString());
        Assert.Equal(ingest.GetProperty("papersInStore").GetInt32(), job.GetProperty("report").GetProperty("papersInStore").GetInt32());
    }

    [Fact]
    public async Task An_ingest_past_the_budget_answers_a_job_whose_work_finishes_in_the_background_with_snapshot_and_topics_current()
    {
        using var client = noWait.CreateClient();
        const string title = "Tundra Indexes for Cited Spans";
        var ingest = (await KeyedAsync(client, Mutation, new { c = Listing(title) })).GetProperty("ingest");
        // No wait at all: the counts are not known yet, the job is.
        Assert.Equal(JsonValueKind.Null, ingest.GetProperty("loaded").ValueKind);
        var id = ingest.GetProperty("job").GetProperty("id").GetString();
        Assert.Contains(ingest.GetProperty("job").GetProperty("state").GetString(), new[] { "QUEUED", "RUNNING", "DONE" });

        JsonElement job;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            job = (await KeyedAsync(client, Poll, new { id })).GetProperty("job");
        }
        while (job.GetProperty("state").GetString() is "QUEUED" or "RUNNING" && DateTime.UtcNow < deadline);

        Assert.Equal("DONE", job.GetProperty("state").GetString());
        Assert.Equal(1, job.GetProperty("report").GetProperty("new").GetInt32());
        // DONE means the snapshot was rebuilt after the derive: the traversal and the topic layer both know the paper.
        var paper = (await client.DataAsync("""{ search(text: "tundra indexes", first: 1) { paper { id title topics { topic { name } } } } }"""))
            .GetProperty("search")[0].GetProperty("paper");
        Assert.Equal(title, paper.GetProperty("title").GetString());
        Assert.NotEqual(0, paper.GetProperty("topics").GetArrayLength());
        var subgraph = await client.DataAsync("query($s: [ID!]!) { subgraph(seeds: $s) { nodes { id } } }", new { s = new[] { paper.GetProperty("id").GetString() } });
        Assert.NotEqual(0, subgraph.GetProperty("subgraph").GetProperty("nodes").GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_job_id_is_null()
    {
        using var client = keyed.CreateClient();
        Assert.Equal(JsonValueKind.Null, (await client.DataAsync(Poll, new { id = "feedface" })).GetProperty("job").ValueKind);
    }
}
