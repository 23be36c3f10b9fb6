using System.Text.Json;

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
