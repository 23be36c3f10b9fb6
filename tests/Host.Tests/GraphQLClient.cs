using System.Net.Http.Json;
using System.Text.Json;

namespace CiteGraph.Host.Tests;

/// <summary>Posts GraphQL requests through the real HTTP pipeline and returns the parsed response.</summary>
internal static class GraphQLClient
{
    public static async Task<JsonElement> PostAsync(this HttpClient client, string query, object? variables = null)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables }, TestContext.Current.CancellationToken);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json;
    }

    /// <summary>The <c>data</c> of a response that must have no errors.</summary>
    public static async Task<JsonElement> DataAsync(this HttpClient client, string query, object? variables = null)
    {
        var json = await client.PostAsync(query, variables);
        Assert.False(json.TryGetProperty("errors", out var errors), errors.ToString());
        return json.GetProperty("data");
    }

    public static string ErrorCode(this JsonElement response) =>
        response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;
}
