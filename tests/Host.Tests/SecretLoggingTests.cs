using System.Net.Http.Json;

namespace CiteGraph.Host.Tests;

/// <summary>The API key is checked, never written to the logs, whether it is right or wrong.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class SecretLoggingTests(KeyedServer server) : IClassFixture<KeyedServer>
{
    [Fact]
    public async Task Api_keys_never_reach_the_request_logs()
    {
        using var client = server.CreateClient();
        var original = Console.Out;
        var captured = new StringWriter();
        Console.SetOut(captured);
        try
        {
            foreach (var key in new[] { KeyedServer.ApiKey, "wrong-secret-4711" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "mutation { runAnalytics(algorithms: [WCC]) { nodes } }" }) };
                request.Headers.Add("X-Api-Key", key);
                using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
                response.EnsureSuccessStatusCode();
            }
        }
        finally
        {
            Console.SetOut(original);
        }

        var log = captured.ToString();
        Assert.Contains("/graphql", log, StringComparison.Ordinal); // the requests were logged, so the capture works
        Assert.DoesNotContain(KeyedServer.ApiKey, log, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-4711", log, StringComparison.Ordinal);
    }
}
