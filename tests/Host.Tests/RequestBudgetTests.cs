using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace CiteGraph.Host.Tests;

/// <summary>
/// The hostile requests of the red-team pass, through the real HTTP pipeline: each answers a coded error within seconds,
/// before any exponential or quadratic work, and the server keeps answering others meanwhile.
/// </summary>
public sealed class RequestBudgetTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    /// <summary>Posts <paramref name="query"/> while a plain query runs beside it; both must answer, the hostile one within <see cref="Prompt"/>.</summary>
    private async Task<JsonElement> PostBesideAPlainQueryAsync(string query, object? variables = null)
    {
        using var client = server.CreateClient();
        await client.DataAsync("{ stats { papers } }"); // warm up: the first request pays for start-up
        var clock = Stopwatch.StartNew();
        var hostile = client.PostAsync(query, variables);
        var plain = await client.DataAsync("{ papers(first: 3) { totalCount edges { node { id } } } }");
        Assert.True(plain.GetProperty("papers").GetProperty("totalCount").GetInt32() > 0);
        var response = await hostile;
        Assert.True(clock.Elapsed < Prompt, $"answered after {clock.Elapsed.TotalSeconds:0.0} s");
        return response;
    }

    [Fact]
    public async Task Thirty_fragments_each_spreading_the_next_twice_are_refused_with_COMPLEXITY_at_once()
    {
        // The red-team document: 1.2 KB that expands to 2^30 selections; validation used to burn a core for minutes.
        var document = new StringBuilder("{ stats { ...S0 } }\n");
        for (var i = 0; i < 30; i++)
        {
            document.Append(System.Globalization.CultureInfo.InvariantCulture, $"fragment S{i} on Stats {{ ...S{i + 1} ...S{i + 1} }}\n");
        }

        document.Append("fragment S30 on Stats { papers }\n");
        var response = await PostBesideAPlainQueryAsync(document.ToString());
        Assert.Equal("COMPLEXITY", response.ErrorCode());
        Assert.Contains("fragments are expanded", response.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fifty_thousand_repetitions_of_one_field_are_refused_with_COMPLEXITY_at_once()
    {
        // 350 KB under the 1 MiB body limit; the overlapping-fields rule compared them pairwise for 89 s.
        var query = "{ stats { " + string.Join(' ', Enumerable.Repeat("papers", 50_000)) + " } }";
        var response = await PostBesideAPlainQueryAsync(query);
        Assert.Equal("COMPLEXITY", response.ErrorCode());
    }

    [Fact]
    public async Task A_cached_document_is_priced_again_with_each_requests_variables()
    {
        const string query = """
            query($a: Int, $b: Int) { papers(first: $a) { edges { node { id
              cites(first: $b) { edges { node { paper { id citedBy(first: $b) { edges { node { paper { id title } } } } } } } } } } } }
            """;
        using var client = server.CreateClient();
        // The first request caches the parsed, validated document.
        var small = await client.DataAsync(query, new { a = 1, b = 1 });
        Assert.Equal(1, small.GetProperty("papers").GetProperty("edges").GetArrayLength());

        var big = await PostBesideAPlainQueryAsync(query, new { a = 500, b = 500 });
        Assert.Equal("COMPLEXITY", big.ErrorCode());
        Assert.False(big.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object, "the expensive variables ran");

        // And the cached document still runs for cheap variables afterwards.
        var again = await client.DataAsync(query, new { a = 2, b = 1 });
        Assert.Equal(2, again.GetProperty("papers").GetProperty("edges").GetArrayLength());
    }

    [Fact]
    public async Task Five_thousand_stats_aliases_are_refused_and_a_few_are_answered()
    {
        using var client = server.CreateClient();
        var few = await client.DataAsync("{ " + string.Join(' ', Enumerable.Range(0, 50).Select(i => $"s{i}: stats {{ papers }}")) + " }");
        Assert.Equal(few.GetProperty("s0").GetProperty("papers").GetInt32(), few.GetProperty("s49").GetProperty("papers").GetInt32());

        // The red-team request: it held a core for 30 s when each alias recounted every table.
        var many = await PostBesideAPlainQueryAsync("{ " + string.Join(' ', Enumerable.Range(0, 5_000).Select(i => $"s{i}: stats {{ papers }}")) + " }");
        Assert.Equal("COMPLEXITY", many.ErrorCode());
    }
}
