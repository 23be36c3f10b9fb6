using System.Net.Http.Json;
using System.Text.Json;

namespace CiteGraph.Host.Tests;

/// <summary>An enum typo is refused with the valid values and the nearest one, as a literal and as a variable (issue 16).</summary>
public sealed class EnumHintTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    [Theory]
    [InlineData("""{ lineage(paperId: "x", direction: ANCESTOR) { nodes { depth } } }""", null, "'Direction' has the values ANCESTORS, DESCENDANTS; did you mean ANCESTORS?")]
    [InlineData("""query($d: Direction) { lineage(paperId: "x", direction: $d) { nodes { depth } } }""", "descendents", "did you mean DESCENDANTS?")]
    [InlineData("""{ ranking(metric: PAGE_RANK) { score } }""", null, "did you mean PAGERANK?")]
    [InlineData("""{ ranking(metric: FAVOURITES) { score } }""", null, "'RankingMetric' has the values PAGERANK, BETWEENNESS, CITATIONS, CORE.")]
    public async Task A_misspelt_enum_is_refused_with_the_valid_values_and_the_nearest(string query, string? variable, string expected)
    {
        using var client = server.CreateClient();
        using var response = await client.PostAsJsonAsync("/graphql",
            new { query, variables = variable is null ? null : new Dictionary<string, string> { ["d"] = variable } }, TestContext.Current.CancellationToken);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        var error = json.GetProperty("errors")[0];
        Assert.Contains(expected, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(error.GetProperty("extensions").TryGetProperty("code", out _), error.ToString());
        Assert.True(error.TryGetProperty("locations", out _), error.ToString());
    }
}
