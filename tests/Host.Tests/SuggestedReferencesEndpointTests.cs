using System.Text.Json;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Graph.Suggest;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace CiteGraph.Host.Tests;

public sealed class SuggestedReferencesEndpointTests(DemoWithCitationsServer server) : IClassFixture<DemoWithCitationsServer>
{
    [Fact]
    public async Task Suggested_references_are_earlier_papers_best_first_each_with_reasons()
    {
        using var client = server.CreateClient();
        var data = await client.DataAsync(
            "query($id: ID!) { paper(id: $id) { year } suggestedReferences(paperId: $id, first: 5) { score paper { id year } reasons { kind value detail } } }",
            new { id = server.Ids[3] });
        var year = data.GetProperty("paper").GetProperty("year");
        var suggested = data.GetProperty("suggestedReferences").EnumerateArray().ToList();

        Assert.NotEmpty(suggested);
        Assert.InRange(suggested.Count, 1, 5);
        Assert.DoesNotContain(suggested, s => s.GetProperty("paper").GetProperty("id").GetString() == server.Ids[3]);
        Assert.All(suggested, s =>
        {
            Assert.NotEqual(0, s.GetProperty("reasons").GetArrayLength());
            Assert.All(s.GetProperty("reasons").EnumerateArray(), r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("detail").GetString())));
            if (year.ValueKind == JsonValueKind.Number)
            {
                Assert.True(s.GetProperty("paper").GetProperty("year").GetInt32() <= year.GetInt32());
            }
        });
        var scores = suggested.Select(s => s.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public async Task The_endpoint_answers_in_the_served_rankers_order_with_its_scores()
    {
        Assert.NotNull(SuggestionRanker.Fitted);
        using var client = server.CreateClient();
        var answered = await SuggestedAsync(client);
        var (snapshot, corpus, paper) = await EngineAsync();
        var ranked = SuggestionEngine.Suggest(corpus, paper, 5, SuggestionWeights.Fitted, SuggestionScope.Live, SuggestionRanker.Fitted);
        var weighted = SuggestionEngine.Suggest(corpus, paper, 5, SuggestionWeights.Fitted);

        Assert.NotEmpty(answered);
        Assert.Equal(ranked.Select(r => (snapshot.PaperId(r.Paper), r.Score)), answered, Same);
        // The scores are the ranker's (the logistic of the trees' sum), not the weighted sum's: the ranker is what answered.
        Assert.All(answered, a => Assert.InRange(a.Score, 0, 1));
        Assert.NotEqual(weighted.Select(w => w.Score), answered.Select(a => a.Score));
    }

    [Fact]
    public async Task With_the_learned_ranker_off_the_endpoint_answers_the_weighted_sum()
    {
        await using var plain = server.WithWebHostBuilder(b => b.ConfigureAppConfiguration(c =>
            c.AddInMemoryCollection(new Dictionary<string, string?> { ["CiteGraph:Suggestions:LearnedRanker"] = "false" })));
        using var client = plain.CreateClient();
        var answered = await SuggestedAsync(client);
        var (snapshot, corpus, paper) = await EngineAsync();
        var weighted = SuggestionEngine.Suggest(corpus, paper, 5, SuggestionWeights.Fitted);

        Assert.NotEmpty(answered);
        Assert.Equal(weighted.Select(w => (snapshot.PaperId(w.Paper), w.Score)), answered, Same);
    }

    private static bool Same((string Id, double Score) x, (string Id, double Score) y) => x.Id == y.Id && Math.Abs(x.Score - y.Score) < 1e-9;

    private async Task<List<(string Id, double Score)>> SuggestedAsync(HttpClient client)
    {
        var data = await client.DataAsync("query($id: ID!) { suggestedReferences(paperId: $id, first: 5) { score paper { id } } }", new { id = server.Ids[3] });
        return data.GetProperty("suggestedReferences").EnumerateArray()
            .Select(s => (s.GetProperty("paper").GetProperty("id").GetString()!, s.GetProperty("score").GetDouble())).ToList();
    }

    /// <summary>The engine over the served database, for the paper the endpoint is asked about.</summary>
    private async Task<(GraphSnapshot Snapshot, SuggestionCorpus Corpus, int Paper)> EngineAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = server.DatabasePath });
        await store.InitializeAsync(ct);
        var snapshot = await new SnapshotHolder(store).RebuildAsync(ct);
        var corpus = await SuggestionCorpus.BuildAsync(store, snapshot, cancellationToken: ct);
        Assert.True(snapshot.TryGetIndex(server.Ids[3], out var paper));
        return (snapshot, corpus, paper);
    }

    [Fact]
    public async Task Unknown_papers_and_oversized_pages_are_refused_with_their_code()
    {
        using var client = server.CreateClient();

        var unknown = await client.PostAsync("{ suggestedReferences(paperId: \"no-such-paper\") { score } }");
        Assert.Equal("NOT_FOUND", unknown.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());

        var tooMany = await client.PostAsync($"{{ suggestedReferences(paperId: \"{server.Ids[3]}\", first: 1000) {{ score }} }}");
        Assert.Contains("first", tooMany.GetProperty("errors")[0].GetProperty("message").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Its_page_size_counts_toward_the_complexity_limit()
    {
        using var client = server.CreateClient();
        var aliases = string.Join(' ', Enumerable.Range(0, 300).Select(i =>
            $"s{i}: suggestedReferences(paperId: \"{server.Ids[3]}\", first: 100) {{ score paper {{ id title }} reasons {{ detail }} }}"));

        var response = await client.PostAsync("{ " + aliases + " }");

        Assert.False(response.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object);
        Assert.Contains("complexity", response.GetProperty("errors")[0].GetProperty("message").GetString()!, StringComparison.OrdinalIgnoreCase);
    }
}
