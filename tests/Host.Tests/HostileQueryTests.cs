using System.Net;
using System.Text;
using System.Text.Json;

namespace CiteGraph.Host.Tests;

/// <summary>Queries built to cost the server: each gets a coded error or a bounded answer, and the server keeps serving.</summary>
public sealed class HostileQueryTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task AssertStillServesAsync(HttpClient client)
    {
        var data = await client.DataAsync("{ stats { papers } }");
        Assert.True(data.GetProperty("stats").GetProperty("papers").GetInt32() > 0);
    }

    [Fact]
    public async Task An_alias_bomb_is_refused_by_the_complexity_limit()
    {
        using var client = server.CreateClient();
        var aliases = string.Join(' ', Enumerable.Range(0, 2000).Select(i => $"a{i}: papers(first: 500) {{ edges {{ node {{ id repos {{ url }} }} }} }}"));
        var response = await client.PostAsync("{ " + aliases + " }");
        Assert.False(response.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object);
        Assert.Contains("complexity", response.GetProperty("errors")[0].GetProperty("message").GetString()!, StringComparison.OrdinalIgnoreCase);
        await AssertStillServesAsync(client);
    }

    [Fact]
    public async Task A_fragment_bomb_is_refused_before_it_runs()
    {
        using var client = server.CreateClient();
        // Each fragment spreads the previous one twice: 2^20 fields if expanded.
        var fragments = new StringBuilder("fragment F0 on Paper { id title }\n");
        for (var i = 1; i <= 20; i++)
        {
            fragments.Append(System.Globalization.CultureInfo.InvariantCulture, $"fragment F{i} on Paper {{ ...F{i - 1} ...F{i - 1} }}\n");
        }

        var response = await client.PostAsync("{ papers(first: 500) { edges { node { ...F20 } } } }\n" + fragments);
        Assert.True(response.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0);
        await AssertStillServesAsync(client);
    }

    [Fact]
    public async Task Deeply_nested_introspection_is_refused_by_the_depth_limit()
    {
        using var client = server.CreateClient();
        var nested = "name";
        for (var i = 0; i < 20; i++)
        {
            nested = $"name ofType {{ {nested} }}";
        }

        var response = await client.PostAsync($"{{ __schema {{ types {{ fields {{ type {{ {nested} }} }} }} }} }}");
        Assert.Contains(response.GetProperty("errors").EnumerateArray(), e => e.GetProperty("message").GetString()!.Contains("depth", StringComparison.OrdinalIgnoreCase));
        await AssertStillServesAsync(client);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_with_a_4xx()
    {
        using var client = server.CreateClient();
        var huge = "{ search(text: \"" + new string('a', 2 * 1024 * 1024) + "\") { score } }";
        using var content = new StringContent(JsonSerializer.Serialize(new { query = huge }), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/graphql", content, Ct);
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"status {(int)response.StatusCode}");
        await AssertStillServesAsync(client);
    }

    [Theory]
    [InlineData("\"; DROP TABLE paper; --")]
    [InlineData("title:attention OR 1=1")]
    [InlineData("MATCH (n) DETACH DELETE n")]
    [InlineData("\u0000\u0001\uFFFF")]
    public async Task Injection_strings_in_text_arguments_are_plain_text(string hostile)
    {
        using var client = server.CreateClient();
        var data = await client.DataAsync(
            "query($t: String!) { search(text: $t, first: 5) { score } papers(first: 5, filter: { text: $t }) { totalCount } topic(name: $t) { name } }",
            new { t = hostile });
        Assert.Equal(JsonValueKind.Array, data.GetProperty("search").ValueKind);
        await AssertStillServesAsync(client);
    }
}
