using System.Net.Sockets;
using System.Text;

namespace CiteGraph.Host.Tests.ClientTools;

/// <summary>
/// Body-size refusals over a real socket: Kestrel enforces the limit while a chunked body streams in. The request is
/// written by hand (HttpClient gives up on the response when the server stops reading the body it refused).
/// </summary>
public sealed class RequestLimitTests(LiveDemoServer server) : IClassFixture<LiveDemoServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_limit_is_413_whether_chunked_or_declared(bool chunked)
    {
        var body = Encoding.UTF8.GetBytes("{\"query\": \"{ stats { papers } }" + new string(' ', 2 * 1024 * 1024) + "\"}");
        var response = await PostAsync(body, chunked);
        Assert.StartsWith("HTTP/1.1 413", response, StringComparison.Ordinal);
        Assert.Contains("BAD_REQUEST", response, StringComparison.Ordinal);

        var small = await PostAsync(Encoding.UTF8.GetBytes("{\"query\": \"{ stats { papers } }\"}"), chunked);
        Assert.StartsWith("HTTP/1.1 200", small, StringComparison.Ordinal);
    }

    private async Task<string> PostAsync(byte[] body, bool chunked)
    {
        var uri = server.GraphQL;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port, Ct);
        var stream = tcp.GetStream();
        var head = $"POST {uri.PathAndQuery} HTTP/1.1\r\nHost: {uri.Authority}\r\nContent-Type: application/json\r\nConnection: close\r\n" +
                   (chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {body.Length}\r\n") + "\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), Ct);
        try
        {
            for (var at = 0; at < body.Length; at += 64 * 1024)
            {
                var piece = body.AsMemory(at, Math.Min(64 * 1024, body.Length - at));
                if (chunked)
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"{piece.Length:x}\r\n"), Ct);
                }

                await stream.WriteAsync(piece, Ct);
                if (chunked)
                {
                    await stream.WriteAsync("\r\n"u8.ToArray(), Ct);
                }
            }

            if (chunked)
            {
                await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), Ct);
            }
        }
        catch (IOException)
        {
            // The server answered and stopped reading the rest of a body it refused; its answer is still there to read.
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(Ct);
    }
}
