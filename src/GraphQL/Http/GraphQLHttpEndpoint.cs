using System.Buffers;
using System.Text.Json;
using CiteGraph.GraphQL.Errors;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CiteGraph.GraphQL.Http;

/// <summary>
/// GraphQL over HTTP (the GraphQL-over-HTTP spec): POST with a JSON body <c>{query, variables, operationName}</c> or
/// <c>application/graphql</c>, and GET with query-string parameters for queries. A client accepting
/// <c>application/graphql-response+json</c> gets that type and 400 for a request that could not be executed (syntax,
/// validation, variable coercion); an <c>application/json</c> client gets GraphQL errors with 200, as before. Requests that
/// are not GraphQL answer 4xx with the same error shape; a mutation over GET answers 405 with <c>Allow: POST</c>.
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
        var limits = services.GetRequiredService<IOptions<GraphQLLimitsOptions>>().Value;
        // The key holder may send an ingest's content: a larger body than anyone else (issue 17, item 7).
        var maxBytes = limits.BodyLimit(services.GetRequiredService<IOptions<Mutations.ApiKeyOptions>>().Value.Accepts(http.Request.Headers["X-Api-Key"].FirstOrDefault()));
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
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A chunked body (no Content-Length) is only found too large while it is read.
            await WriteErrorAsync(http, serializer, StatusCodes.Status413PayloadTooLarge,
                $"The request body is larger than the limit of {limits.MaxRequestBytes:N0} bytes.");
            return;
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
        var apiKey = services.GetRequiredService<IOptions<Mutations.ApiKeyOptions>>().Value;
        var options = new ExecutionOptions
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
        };
        if (GraphQLSse.Accepts(http.Request))
        {
            await GraphQLSse.HandleAsync(http, request, options);
            return;
        }

        var result = await executer.ExecuteAsync(options);
        if (result.Streams is { Count: > 0 })
        {
            // Nothing subscribed to the streams yet, so nothing runs: say how to ask for one.
            await WriteErrorAsync(http, serializer, StatusCodes.Status400BadRequest,
                "A subscription is served as GraphQL over Server-Sent Events: POST it with Accept: text/event-stream (graphql-sse).");
            return;
        }

        result = EnumHints.Improve(result, services.GetRequiredService<CiteGraphSchema>());
        http.Response.StatusCode = StatusCodeOf(http, result);
        if (http.Response.StatusCode == StatusCodes.Status405MethodNotAllowed)
        {
            http.Response.Headers.Allow = HttpMethods.Post;
        }

        if (result.Errors?.Any(UnhandledErrors.IsStoreUnavailable) == true)
        {
            // The same hint as the errors' retryAfterSeconds, for HTTP clients and proxies that honour the header.
            http.Response.Headers.RetryAfter = UnhandledErrors.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        http.Response.ContentType = ContentTypeOf(http.Request);
        await WriteBodyAsync(http, serializer, result);
    }

    /// <summary>
    /// The answer in one write with its Content-Length, serialized into a pooled buffer; through the stream when the
    /// serializer is not ours (a host that registered another one).
    /// </summary>
    private static async Task WriteBodyAsync(HttpContext http, IGraphQLTextSerializer serializer, ExecutionResult result)
    {
        if (serializer is not CiteGraphJsonSerializer json)
        {
            await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
            return;
        }

        using var buffer = new PooledBufferWriter();
        json.Write(buffer, result);
        http.Response.ContentLength = buffer.WrittenMemory.Length;
        await http.Response.Body.WriteAsync(buffer.WrittenMemory, http.RequestAborted);
    }

    /// <summary>
    /// 405 for a mutation over GET; for <c>application/graphql-response+json</c>, 400 when the operation never ran (the
    /// spec's parse, validation and variable-coercion failures); otherwise 200, errors in the body.
    /// </summary>
    private static int StatusCodeOf(HttpContext http, ExecutionResult result)
    {
        if (result.Errors?.Any(e => e is MutationOverGetError) == true)
        {
            return StatusCodes.Status405MethodNotAllowed;
        }

        return !result.Executed && ResponseMediaType.PrefersGraphQLResponse(http.Request)
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
    }

    private static string ContentTypeOf(HttpRequest request) =>
        (ResponseMediaType.PrefersGraphQLResponse(request) ? ResponseMediaType.GraphQLResponse : ResponseMediaType.Json) + "; charset=utf-8";

    /// <summary>
    /// The page's policy: GraphiQL's script, styles, fonts and Monaco's web workers come from this server only, and it
    /// talks to this server only. No inline script runs (the example tabs are a JSON data block). Inline styles are
    /// admitted: GraphiQL's components set style attributes at run time, and its dialogs inject a style element whose
    /// text depends on the window (react-remove-scroll-bar's scrollbar gap), so no fixed hash can admit it.
    /// </summary>
    public const string PageSecurityPolicy =
        "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

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
        http.Response.Headers.ContentSecurityPolicy = PageSecurityPolicy;
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

        if (serializer is CiteGraphJsonSerializer json && request.ContentLength is > 0 and <= MaxBufferedRequestBytes)
        {
            return await ReadBufferedAsync(request, json, (int)request.ContentLength.Value, http.RequestAborted);
        }

        return await serializer.ReadAsync<GraphQLRequest>(request.Body, http.RequestAborted);
    }

    /// <summary>Bodies up to this size with a declared length are read whole and parsed from their bytes.</summary>
    private const int MaxBufferedRequestBytes = 1 << 20;

    /// <summary>The whole body (its declared <paramref name="length"/>) from the request pipe, parsed in place.</summary>
    private static async Task<GraphQLRequest?> ReadBufferedAsync(HttpRequest request, CiteGraphJsonSerializer json, int length, CancellationToken cancellationToken)
    {
        var read = await request.BodyReader.ReadAtLeastAsync(length, cancellationToken);
        var body = read.Buffer;
        try
        {
            if (body.Length < length)
            {
                throw new InvalidDataException($"The body ended after {body.Length:N0} of the {length:N0} bytes its Content-Length announced.");
            }

            var content = body.Slice(0, length);
            return content.IsSingleSegment ? json.Read<GraphQLRequest>(content.FirstSpan) : json.Read<GraphQLRequest>(content.ToArray());
        }
        finally
        {
            request.BodyReader.AdvanceTo(body.End);
        }
    }

    private static async Task WriteErrorAsync(HttpContext http, IGraphQLTextSerializer serializer, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = ContentTypeOf(http.Request);
        var result = new ExecutionResult { Errors = [new ExecutionError(message) { Code = ErrorCodes.BadRequest }] };
        await WriteBodyAsync(http, serializer, result);
    }
}
