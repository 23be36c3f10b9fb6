using System.Text;
using System.Threading.Channels;
using CiteGraph.GraphQL.Errors;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CiteGraph.GraphQL.Http;

/// <summary>
/// GraphQL over Server-Sent Events, the <c>graphql-sse</c> protocol's distinct connections mode: a POST accepting
/// <c>text/event-stream</c> is answered with an event stream of <c>next</c> events (each an execution result) and a final
/// <c>complete</c>. A subscription streams until the client closes the connection or the server shuts down (then it
/// completes cleanly); a query or mutation sends its one result. Open subscriptions are capped
/// (<see cref="GraphQLLimitsOptions.MaxSubscriptions"/>): one more is answered 503 with Retry-After.
/// </summary>
public static class GraphQLSse
{
    private static int _open;

    /// <summary>Whether the request asks for an event stream (graphql-sse sends <c>Accept: text/event-stream</c>).</summary>
    public static bool Accepts(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) &&
        request.Headers.Accept.Any(a => a?.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>Subscriptions open now, across the process.</summary>
    public static int Open => Volatile.Read(ref _open);

    /// <summary>Executes <paramref name="request"/> and streams its results.</summary>
    public static async Task HandleAsync(HttpContext http, GraphQLRequest request, ExecutionOptions options)
    {
        var services = http.RequestServices;
        var serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        var limits = services.GetRequiredService<IOptions<GraphQLLimitsOptions>>().Value;
        if (Interlocked.Increment(ref _open) > limits.MaxSubscriptions)
        {
            Interlocked.Decrement(ref _open);
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = "5";
            http.Response.ContentType = ResponseMediaType.Json + "; charset=utf-8";
            await serializer.WriteAsync(http.Response.Body, new ExecutionResult
            {
                Errors = [new ExecutionError($"The server has {limits.MaxSubscriptions} subscriptions open, its limit; try again later.") { Code = ErrorCodes.StoreUnavailable }],
            }, http.RequestAborted);
            return;
        }

        try
        {
            var stopping = services.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
            using var done = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = "text/event-stream; charset=utf-8";
            http.Response.Headers.CacheControl = "no-cache";
            http.Response.Headers["X-Accel-Buffering"] = "no";
            await http.Response.Body.FlushAsync(http.RequestAborted);

            var executer = services.GetRequiredService<IDocumentExecuter<CiteGraphSchema>>();
            var result = await executer.ExecuteAsync(options);
            if (result.Streams is not { Count: > 0 } streams)
            {
                // A query or mutation, or a subscription that failed before streaming (validation, an unknown version).
                await WriteNextAsync(http, serializer, result, done.Token);
            }
            else
            {
                var results = Channel.CreateUnbounded<ExecutionResult>(new UnboundedChannelOptions { SingleReader = true });
                var subscriptions = streams.Values.Select(s => s.Subscribe(new Forward(results.Writer))).ToList();
                try
                {
                    await foreach (var next in results.Reader.ReadAllAsync(done.Token))
                    {
                        await WriteNextAsync(http, serializer, next, done.Token);
                    }
                }
                catch (OperationCanceledException) when (done.IsCancellationRequested)
                {
                    // The client left, or the server is stopping: complete below when the connection is still there.
                }
                finally
                {
                    foreach (var subscription in subscriptions)
                    {
                        subscription.Dispose();
                    }
                }
            }

            if (!http.RequestAborted.IsCancellationRequested)
            {
                await http.Response.WriteAsync("event: complete\ndata: \n\n", CancellationToken.None);
                await http.Response.Body.FlushAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client closed the stream: how a subscription ends in this protocol.
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    }

    private static async Task WriteNextAsync(HttpContext http, IGraphQLTextSerializer serializer, ExecutionResult result, CancellationToken ct)
    {
        // System.Text.Json writes no line breaks unless asked to: the result fits the one data line SSE needs.
        var json = serializer.Serialize(result);
        await http.Response.WriteAsync("event: next\ndata: " + json + "\n\n", Encoding.UTF8, ct);
        await http.Response.Body.FlushAsync(ct);
    }

    /// <summary>Moves a stream's results (and its end) into the channel the response is written from.</summary>
    private sealed class Forward(ChannelWriter<ExecutionResult> writer) : IObserver<ExecutionResult>
    {
        public void OnCompleted() => writer.TryComplete();

        public void OnError(Exception error) =>
            writer.TryWrite(new ExecutionResult { Errors = [new ExecutionError("The subscription's stream failed.") { Code = ErrorCodes.Internal }] });

        public void OnNext(ExecutionResult value) => writer.TryWrite(value);
    }
}
