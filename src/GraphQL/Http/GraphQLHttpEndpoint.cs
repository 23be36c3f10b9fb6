using System.Text.Json;
using CiteGraph.GraphQL.Errors;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CiteGraph.GraphQL.Http;

/// <summary>
/// GraphQL over HTTP (the GraphQL-over-HTTP spec's application/json profile): POST with a JSON body
/// <c>{query, variables, operationName}</c> or <c>application/graphql</c>, and GET with query-string parameters for queries.
/// GraphQL errors answer 200 with <c>errors[].extensions.code</c>; requests that are not GraphQL answer 4xx with the same shape.
/// </summary>
public static class GraphQLHttpEndpoint
{
    /// <summary>Maps the endpoint at <paramref name="pattern"/> for GET and POST.</summary>
    public static IEndpointConventionBuilder MapCiteGraphQL(this IEndpointRouteBuilder endpoints, string pattern = "/graphql") =>
        endpoints.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Post], HandleAsync);

    private static async Task HandleAsync(HttpContext http)
    {
        var services = http.RequestServices;
        if (HttpMethods.IsGet(http.Request.Method) && WantsPage(http.Request))
        {
            await WritePageAsync(http, services);
            return;
        }

        var serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        var limits = services.GetRequiredService<GraphQLLimitsOptions>();
        // The key holder may send an ingest's content: a larger body than anyone else (issue 17, item 7).
        var maxBytes = limits.BodyLimit(services.GetRequiredService<Mutations.ApiKeyOptions>().Accepts(http.Request.Headers["X-Api-Key"].FirstOrDefault()));
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = maxBytes;
        }

        // Kestrel enforces the limit on streamed bodies; a declared length over it is refused before reading anything.
        if (http.Request.ContentLength > maxBytes)
        {
            await WriteErrorAsync(http, serializer, StatusCodes.Status413PayloadTooLarge,
                $"The request body ({http.Request.ContentLength:N0} bytes) is larger than the limit of {maxBytes:N0} bytes.");
            return;
        }

        GraphQLRequest? request;
        try
        {
            request = await ReadRequestAsync(http, serializer);
        }
        catch (Exception ex) when (ex is JsonException or BadHttpRequestException or InvalidDataException)
        {
            await WriteErrorAsync(http, serializer, StatusCodes.Status400BadRequest, $"The request body is not a GraphQL request: {ex.Message}");
            return;
        }

        if (request is null || string.IsNullOrWhiteSpace(request.Query))
        {
            var status = http.Response.StatusCode == StatusCodes.Status415UnsupportedMediaType
                ? StatusCodes.Status415UnsupportedMediaType
                : StatusCodes.Status400BadRequest;
            await WriteErrorAsync(http, serializer, status,
                status == StatusCodes.Status415UnsupportedMediaType
                    ? "POST bodies must be application/json or application/graphql."
                    : "A GraphQL request needs a non-empty 'query'.");
            return;
        }

        var executer = services.GetRequiredService<IDocumentExecuter<CiteGraphSchema>>();
        var apiKey = services.GetRequiredService<Mutations.ApiKeyOptions>();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            Variables = request.Variables,
            OperationName = request.OperationName,
            Extensions = request.Extensions,
            RequestServices = services,
            CancellationToken = http.RequestAborted,
            User = http.User,
            UserContext = new Dictionary<string, object?>
            {
                [Mutations.MutationAccess.Key] = apiKey.Accepts(http.Request.Headers["X-Api-Key"].FirstOrDefault()),
            },
            // GET must not change anything (GraphQL over HTTP §GET).
            ValidationRules = HttpMethods.IsGet(http.Request.Method)
                ? global::GraphQL.Validation.DocumentValidator.CoreRules.Append(QueriesOnlyRule.Instance)
                : null,
            // A cached (already validated) document still must not run a mutation over GET.
            CachedDocumentValidationRules = HttpMethods.IsGet(http.Request.Method) ? [QueriesOnlyRule.Instance] : null,
        });

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>A browser navigating to /graphql (HTML accepted, no query given) gets the query page; ?sdl gets the schema.</summary>
    private static bool WantsPage(HttpRequest request) =>
        !request.Query.ContainsKey("query") &&
        (request.Query.ContainsKey("sdl") || request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true));

    private static async Task WritePageAsync(HttpContext http, IServiceProvider services)
    {
        if (http.Request.Query.ContainsKey("sdl"))
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(SchemaSdl.Print(services), http.RequestAborted);
            return;
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        await using var page = typeof(GraphQLHttpEndpoint).Assembly.GetManifestResourceStream("QueryPage.html")!;
        await page.CopyToAsync(http.Response.Body, http.RequestAborted);
    }

    private static async Task<GraphQLRequest?> ReadRequestAsync(HttpContext http, IGraphQLTextSerializer serializer)
    {
        var request = http.Request;
        if (HttpMethods.IsGet(request.Method))
        {
            var variables = request.Query["variables"].ToString();
            var extensions = request.Query["extensions"].ToString();
            return new GraphQLRequest
            {
                Query = request.Query["query"].ToString(),
                OperationName = request.Query["operationName"].ToString() is { Length: > 0 } name ? name : null,
                Variables = variables.Length > 0 ? serializer.Deserialize<Inputs>(variables) : null,
                Extensions = extensions.Length > 0 ? serializer.Deserialize<Inputs>(extensions) : null,
            };
        }

        var contentType = request.ContentType ?? "";
        if (contentType.StartsWith("application/graphql", StringComparison.OrdinalIgnoreCase) &&
            !contentType.StartsWith("application/graphql-response", StringComparison.OrdinalIgnoreCase))
        {
            using var reader = new StreamReader(request.Body);
            return new GraphQLRequest { Query = await reader.ReadToEndAsync(http.RequestAborted) };
        }

        if (!contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return null;
        }

        return await serializer.ReadAsync<GraphQLRequest>(request.Body, http.RequestAborted);
    }

    private static async Task WriteErrorAsync(HttpContext http, IGraphQLTextSerializer serializer, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        var result = new ExecutionResult { Errors = [new ExecutionError(message) { Code = ErrorCodes.BadRequest }] };
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
