using System.Net;
using System.Text;

namespace CiteGraph.Graph.Neo4j.Tests;

/// <summary>
/// An in-process stand-in for Neo4j's HTTP endpoint: records every request (method, path, headers, body) and answers
/// each with what <see cref="Respond"/> returns, so the Query API client can be tested on documented payloads.
/// </summary>
internal sealed class FakeNeo4j : HttpMessageHandler
{
    public List<Request> Requests { get; } = [];

    /// <summary>The answer to a request; default: 202 with an empty result.</summary>
    public Func<Request, Answer> Respond { get; set; } = _ => Answer.Accepted("""{"data":{"fields":[],"values":[]},"bookmarks":[]}""");

    /// <summary>Delay before answering (to test timeouts and cancellation).</summary>
    public TimeSpan Delay { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new Request(request.Method, request.RequestUri!.AbsolutePath, request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value)),
            request.Content?.Headers.ContentType?.ToString(), body);
        lock (Requests)
        {
            Requests.Add(recorded);
        }

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        var answer = Respond(recorded);
        var response = new HttpResponseMessage(answer.Status) { Content = new StringContent(answer.Body, Encoding.UTF8, answer.ContentType) };
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    public sealed record Request(HttpMethod Method, string Path, IReadOnlyDictionary<string, string> Headers, string? ContentType, string? Body);

    /// <summary>The Cypher statement a request's body carries ("" for a request with no body or no statement).</summary>
    public static string Statement(Request r)
    {
        if (r.Body is null)
        {
            return "";
        }

        using var body = System.Text.Json.JsonDocument.Parse(r.Body);
        return body.RootElement.TryGetProperty("statement", out var s) ? s.GetString()! : "";
    }

    /// <summary>The parameters a request's body carries.</summary>
    public static System.Text.Json.JsonElement Parameters(Request r)
    {
        using var body = System.Text.Json.JsonDocument.Parse(r.Body!);
        return body.RootElement.GetProperty("parameters").Clone();
    }

    public sealed record Answer(HttpStatusCode Status, string Body, string ContentType = "application/json")
    {
        public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

        public static Answer Accepted(string body) => new(HttpStatusCode.Accepted, body);
    }
}
