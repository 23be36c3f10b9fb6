using System.Text.Json;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace CiteGraph.GraphQL.Tests;

/// <summary>
/// Runs a GraphQL request through the schema's document executer exactly as the HTTP endpoint does, and returns what a
/// client would receive: the one place the GraphQL tests turn an execution result into JSON.
/// </summary>
internal static class SchemaRequests
{
    /// <summary>The whole response (<c>data</c> and <c>errors</c>) as a client sees it.</summary>
    public static async Task<JsonElement> ResponseAsync(this IServiceProvider services, string query, Inputs? variables = null)
    {
        var result = await services.GetRequiredService<IDocumentExecuter<CiteGraphSchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = query,
            Variables = variables,
            RequestServices = services,
            CancellationToken = TestContext.Current.CancellationToken,
        });
        return JsonDocument.Parse(services.GetRequiredService<IGraphQLTextSerializer>().Serialize(result)).RootElement.Clone();
    }

    /// <summary>The response's <c>data</c>, failing the test with the messages when the response carries errors.</summary>
    public static async Task<JsonElement> DataAsync(this IServiceProvider services, string query, Inputs? variables = null)
    {
        var response = await services.ResponseAsync(query, variables);
        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        return response.GetProperty("data");
    }
}
