using System.Net.Http.Json;
using System.Text.Json;
using CiteGraph.GraphQL.Mutations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CiteGraph.Host.Tests;

/// <summary>
/// Every option class is bound from its section, validated at start-up and read as IOptions (issue 18): a bad value stops
/// the real host naming its key, and documented keys still take effect.
/// </summary>
public sealed class OptionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("CiteGraph:GraphQL:MaxDepth", "0")]
    [InlineData("CiteGraph:GraphQL:Timeout", "00:00:00")]
    [InlineData("CiteGraph:Http:RateLimitPerMinute", "-1")]
    [InlineData("CiteGraph:Ingest:MinFreeDiskBytes", "-5")]
    [InlineData("CiteGraph:SnapshotRefreshSeconds", "99999")]
    [InlineData("CiteGraph:Ingest:MaxDatabaseBytes", "lots")]
    public async Task A_bad_value_stops_the_host_at_start_up_naming_its_key(string key, string value)
    {
        await using var server = new PreparedServerFactory();
        server.Set(key, value);
        var ex = Assert.ThrowsAny<Exception>(() => server.CreateClient());
        Assert.Contains(key, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_graphql_depth_limit_is_read_from_its_documented_key()
    {
        const string Deep = "{ papers(first: 1) { edges { node { topics { topic { name } } } } } }";
        await using (var defaults = new DemoServerFactory())
        {
            using var client = defaults.CreateClient();
            Assert.False((await AskAsync(client, Deep)).TryGetProperty("errors", out _));
        }

        await using var shallow = new DemoServerFactory();
        shallow.Set("CiteGraph:GraphQL:MaxDepth", "3");
        using var limited = shallow.CreateClient();
        var error = (await AskAsync(limited, Deep)).GetProperty("errors")[0];
        Assert.Equal("COMPLEXITY", error.GetProperty("extensions").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("from-config", null, "from-config")]
    [InlineData(null, "from-environment", "from-environment")]
    [InlineData("from-config", "from-environment", "from-config")]
    [InlineData(null, null, null)]
    public void The_api_key_comes_from_its_key_else_the_environment_variable(string? configured, string? environment, string? expected)
    {
        // The host's configuration holds environment variables under their own names (CITEGRAPH_API_KEY).
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CiteGraph:ApiKey"] = configured,
            [ApiKeyOptions.EnvironmentVariable] = environment,
        }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddCiteGraphOptions().BuildServiceProvider();
        Assert.Equal(expected, services.GetRequiredService<IOptions<ApiKeyOptions>>().Value.ApiKey);
    }

    private static async Task<JsonElement> AskAsync(HttpClient client, string query)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query }, Ct);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }
}
