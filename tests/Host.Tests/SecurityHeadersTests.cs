using System.Net.Http.Json;

namespace CiteGraph.Host.Tests;

/// <summary>Every response forbids MIME sniffing and framing by other sites (issue 17, item 7).</summary>
public sealed class SecurityHeadersTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Api_answers_errors_health_and_the_explorer_send_nosniff_and_frame_ancestors()
    {
        using var client = server.CreateClient();
        using var graphql = await client.PostAsJsonAsync("/graphql", new { query = "{ stats { papers } }" }, Ct);
        using var error = await client.PostAsJsonAsync("/graphql", new { query = "{ nope }" }, Ct);
        using var health = await client.GetAsync("/health/ready", Ct);
        using var explorer = await client.GetAsync("/", Ct);
        using var missing = await client.GetAsync("/no/such/thing", Ct);
        using var page = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        page.Headers.Accept.ParseAdd("text/html");
        using var queryPage = await client.SendAsync(page, Ct);

        foreach (var response in new[] { graphql, error, health, explorer, missing, queryPage })
        {
            var what = $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri} ({(int)response.StatusCode})";
            Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var sniff), what);
            Assert.Equal("nosniff", Assert.Single(sniff));
            Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), what);
            Assert.Contains("frame-ancestors 'none'", string.Join(";", csp), StringComparison.Ordinal);
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        }
    }
}
