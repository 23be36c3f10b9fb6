using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CiteGraph.Graph.Neo4j;

/// <summary>
/// A small typed client of Neo4j's HTTP Query API: <c>POST /db/{db}/query/v2</c> (one auto-commit statement) and the
/// explicit transactions under <c>/db/{db}/query/v2/tx</c> (Neo4j 5.26+). Basic authentication, parameters as JSON, rows
/// read as <see cref="Neo4jRow"/>. Any non-empty <c>errors</c> array is a failure whatever the HTTP status (Neo4j answers
/// 202 for failed statements): <c>Neo.TransientError.*</c>, 502/503/504, timeouts and lost connections are retried with
/// exponential backoff; every other error (syntax, constraint, security) fails at once with Neo4j's code and message.
/// </summary>
public sealed class Neo4jQueryClient : IDisposable
{
    /// <summary>The header Neo4j uses to route the requests of one explicit transaction to the same cluster member.</summary>
    public const string AffinityHeader = "neo4j-cluster-affinity";

    // Row records are written camelCase, as the statements read them; dictionary keys (parameter names) stay as given.
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new CypherFloatConverter() },
    };

    private readonly HttpClient _http;
    private readonly Neo4jStoreOptions _options;
    private readonly string _basePath;

    /// <summary>Creates a client; <paramref name="handler"/> replaces the network (tests), and is then not disposed by the client.</summary>
    public Neo4jQueryClient(Neo4jStoreOptions options, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        // Timeouts are per request (RequestTimeout) so that a retry gets a fresh budget.
        _http.Timeout = Timeout.InfiniteTimeSpan;
        _http.BaseAddress = options.Uri;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}")));
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _basePath = $"{options.Uri!.AbsolutePath.TrimEnd('/')}/db/{Uri.EscapeDataString(options.Database)}/query/v2";
    }

    /// <summary>The address and database, without credentials, for messages and logs.</summary>
    public string Endpoint => $"{_options.Uri!.GetLeftPart(UriPartial.Authority)}{_basePath}";

    /// <summary>Runs one statement in its own auto-commit transaction, retrying transient failures.</summary>
    public Task<Neo4jResult> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default) =>
        RetryAsync(async ct => (await SendAsync(HttpMethod.Post, "", Body(statement, parameters), null, ct).ConfigureAwait(false)).Result, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> again while it fails with a transient <see cref="GraphStoreException"/>, waiting
    /// <see cref="Neo4jStoreOptions.RetryDelay"/>, then twice as long each time, at most <see cref="Neo4jStoreOptions.MaxRetries"/> times.
    /// The work must be safe to repeat (a whole explicit transaction, or an idempotent statement).
    /// </summary>
    public async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        for (var attempt = 0; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await work(cancellationToken).ConfigureAwait(false);
            }
            catch (GraphStoreException ex) when (ex.IsTransient && attempt < _options.MaxRetries)
            {
                var delay = TimeSpan.FromTicks(Math.Min(_options.RetryDelay.Ticks * (1L << Math.Min(attempt, 20)), TimeSpan.FromSeconds(10).Ticks));
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Starts an explicit transaction; it is opened on the server by its first statement.</summary>
    public Neo4jTransaction BeginTransaction() => new(this);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    /// <summary>The JSON a request body is sent as (for tests).</summary>
    internal static string Serialize(object body) => JsonSerializer.Serialize(body, JsonOptions);

    internal static Dictionary<string, object?> Body(string statement, IReadOnlyDictionary<string, object?>? parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(statement);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["statement"] = statement,
            ["parameters"] = parameters ?? new Dictionary<string, object?>(),
        };
    }

    /// <summary>One HTTP exchange: sends, reads the whole answer, turns any <c>errors</c> into an exception.</summary>
    internal async Task<QueryResponse> SendAsync(HttpMethod method, string path, object? body, string? affinity, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        using var request = new HttpRequestMessage(method, new Uri(_basePath + path, UriKind.Relative));
        if (affinity is not null)
        {
            request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
        }

        if (body is not null)
        {
            // A serializer, never string building: statements carry line breaks, which raw JSON strings may not.
            request.Content = new StringContent(Serialize(body), Encoding.UTF8, "application/json");
        }

        string text;
        HttpStatusCode status;
        string? affinityBack = null;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            status = response.StatusCode;
            text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            if (response.Headers.TryGetValues(AffinityHeader, out var values))
            {
                affinityBack = values.FirstOrDefault();
            }
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GraphStoreUnavailableException(
                $"Neo4j at {Endpoint} did not answer within {_options.RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new GraphStoreUnavailableException($"Cannot reach Neo4j at {Endpoint}: {ex.Message}", ex);
        }

        return Interpret(status, text, affinityBack);
    }

    private QueryResponse Interpret(HttpStatusCode status, string text, string? affinity)
    {
        JsonDocument? document = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException) when ((int)status >= 300)
            {
                // A proxy's or server's HTML error page: judged by the status below.
            }
            catch (JsonException ex)
            {
                throw new GraphStoreException($"Neo4j at {Endpoint} answered HTTP {(int)status} with a body that is not JSON: {Snippet(text)}", ex);
            }
        }

        using (document)
        {
            var root = document?.RootElement;
            if (root is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("errors", out var errors) &&
                errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                var first = errors[0];
                var code = first.TryGetProperty("code", out var c) ? c.GetString() ?? "" : "";
                var message = first.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
                if (errors.GetArrayLength() > 1)
                {
                    message += $" (and {errors.GetArrayLength() - 1} more errors)";
                }

                throw new Neo4jException(code.Length > 0 ? code : "Neo.DatabaseError.General.UnknownError", message, (int)status);
            }

            if ((int)status is < 200 or >= 300)
            {
                var what = $"Neo4j at {Endpoint} answered HTTP {(int)status} {status}: {Snippet(text)}";
                throw status switch
                {
                    HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout or HttpStatusCode.TooManyRequests
                        => new GraphStoreUnavailableException(what),
                    HttpStatusCode.Unauthorized => new Neo4jException("Neo.ClientError.Security.Unauthorized", what, (int)status),
                    _ => new GraphStoreException(what),
                };
            }

            if (root is not { ValueKind: JsonValueKind.Object } ok)
            {
                return new QueryResponse(Neo4jResult.Parse(EmptyObject()), null, affinity);
            }

            string? transactionId = null;
            if (ok.TryGetProperty("transaction", out var tx) && tx.ValueKind == JsonValueKind.Object && tx.TryGetProperty("id", out var id))
            {
                transactionId = id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText();
            }

            return new QueryResponse(Neo4jResult.Parse(ok), transactionId, affinity);
        }
    }

    private static JsonElement EmptyObject()
    {
        using var empty = JsonDocument.Parse("{}");
        return empty.RootElement.Clone();
    }

    private static string Snippet(string text) => text.Length <= 300 ? text : text[..300] + "…";

    internal sealed record QueryResponse(Neo4jResult Result, string? TransactionId, string? Affinity);
}
