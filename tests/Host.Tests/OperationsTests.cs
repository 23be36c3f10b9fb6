using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CiteGraph.Host.Tests;

/// <summary>A server with a tight rate limit and one allowed CORS origin.</summary>
public sealed class GuardedServer : PreparedServerFactory
{
    public const int Limit = 5;
    public const string Origin = "https://explorer.example.org";

    public GuardedServer()
    {
        Set("CiteGraph:Demo", "true");
        Set("CiteGraph:Http:RateLimitPerMinute", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set("CiteGraph:Http:CorsOrigins:0", Origin);
    }
}

public sealed class OperationsTests(GuardedServer guarded, DemoServerFactory open) : IClassFixture<GuardedServer>, IClassFixture<DemoServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_live_and_ready_answer_once_the_store_and_snapshot_are_up()
    {
        using var client = open.CreateClient();
        using var live = await client.GetAsync("/health/live", Ct);
        using var ready = await client.GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = System.Text.Json.JsonDocument.Parse(await ready.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        var snapshot = report.GetProperty("checks").GetProperty("snapshot");
        Assert.Equal("Healthy", snapshot.GetProperty("status").GetString());
        Assert.True(snapshot.GetProperty("data").GetProperty("snapshot").GetInt64() >= 1);
        Assert.True(snapshot.GetProperty("data").GetProperty("ageSeconds").GetDouble() >= 0);
    }

    [Fact]
    public async Task A_client_over_its_rate_limit_gets_429_with_a_coded_error_and_health_stays_reachable()
    {
        using var client = guarded.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < GuardedServer.Limit + 3; i++)
        {
            last?.Dispose();
            last = await client.PostAsJsonAsync("/graphql", new { query = "{ stats { papers } }" }, Ct);
            statuses.Add(last.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) <= GuardedServer.Limit);
        Assert.Equal("60", last!.Headers.RetryAfter?.ToString());
        var body = JsonDocument.Parse(await last.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("RATE_LIMITED", body.ErrorCode());
        last.Dispose();
        using var health = await client.GetAsync("/health/live", Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Cors_is_off_by_default_and_answers_only_configured_origins()
    {
        async Task<string?> AllowedOrigin(PreparedServerFactory server, string origin)
        {
            using var client = server.CreateClient();
            using var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            using var response = await client.SendAsync(request, Ct);
            return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
        }

        Assert.Null(await AllowedOrigin(open, GuardedServer.Origin));
        Assert.Equal(GuardedServer.Origin, await AllowedOrigin(guarded, GuardedServer.Origin));
        Assert.Null(await AllowedOrigin(guarded, "https://evil.example.com"));
    }
}
