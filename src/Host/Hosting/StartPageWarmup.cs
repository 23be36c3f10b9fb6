using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CiteGraph.GraphQL;
using GraphQL;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CiteGraph.Host.Hosting;

/// <summary>
/// Answers the explorer start page's overview query once, in the background, as soon as the server has started
/// (<see cref="CiteGraphOptions.WarmUpStartPage"/>, on for <c>citegraph serve</c>): the first GraphQL request of a
/// process paid 5 s of the engine's first use (schema, resolvers, the compiled document) on the loaded test machine,
/// and the start page's first paint waited for it (issue 20). The query is read from the explorer's own script, so the
/// warmed document is the very one the page sends and comes from the document cache.
/// When the server listens on a socket, the warm-up goes through it as a browser would: the start page, each file it
/// links, then the overview as the page posts it. On an idle machine a fresh server's first HTTP answers still cost
/// ~0.4 s of first use (Kestrel, the static files, the JSON writer) after the engine was warm, half of a cold first
/// paint's budget.
/// </summary>
internal sealed partial class StartPageWarmup(
    IServiceScopeFactory scopes, IServer server, IHostApplicationLifetime lifetime, IOptions<CiteGraphOptions> options, ILogger<StartPageWarmup> logger)
    : BackgroundService
{
    private readonly TaskCompletionSource<IReadOnlyList<WarmedRequest>> _warmed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What the warm-up asked and how each was answered (HTTP status; 200 for the in-process query), once done.</summary>
    public Task<IReadOnlyList<WarmedRequest>> Warmed => _warmed.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WarmUpStartPage)
        {
            _warmed.TrySetResult([]);
            return;
        }

        // After start: the store is initialized and the first snapshot built by then.
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var warmed = new List<WarmedRequest>();
        try
        {
            if (LoopbackAddress() is { } address)
            {
                await OverHttpAsync(address, warmed, stoppingToken);
            }
            else
            {
                await InProcessAsync(warmed, stoppingToken);
            }

            LogWarmed(watch.ElapsedMilliseconds, warmed.Count, warmed.Count(r => r.Status is < 200 or >= 300));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // Only a head start: the page asks again and gets its own answer or error.
            LogFailed(ex);
        }
        catch (OperationCanceledException)
        {
            // Stopped while warming.
        }
        finally
        {
            _warmed.TrySetResult(warmed);
        }
    }

    /// <summary>The start page, the files it links and the overview query, through the server's own socket.</summary>
    private static async Task OverHttpAsync(Uri address, List<WarmedRequest> warmed, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        using (var page = await http.GetAsync("/", cancellationToken))
        {
            warmed.Add(new WarmedRequest("GET /", (int)page.StatusCode));
            var html = await page.Content.ReadAsStringAsync(cancellationToken);
            foreach (var asset in LinkedAssets(html))
            {
                using var file = await http.GetAsync(asset, cancellationToken);
                await file.Content.LoadIntoBufferAsync(cancellationToken);
                warmed.Add(new WarmedRequest("GET " + asset, (int)file.StatusCode));
            }
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query = StartPageQuery() }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var answer = await http.SendAsync(request, cancellationToken);
        await answer.Content.LoadIntoBufferAsync(cancellationToken);
        warmed.Add(new WarmedRequest("POST /graphql", (int)answer.StatusCode));
    }

    /// <summary>The overview through the executer, for a host with no socket (the in-memory test server).</summary>
    private async Task InProcessAsync(List<WarmedRequest> warmed, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var executer = scope.ServiceProvider.GetRequiredService<IDocumentExecuter<CiteGraphSchema>>();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = StartPageQuery(),
            RequestServices = scope.ServiceProvider,
            CancellationToken = cancellationToken,
        });
        warmed.Add(new WarmedRequest("query (in process)", result.Errors is { Count: > 0 } ? 500 : 200));
    }

    /// <summary>An address of this server a client on the same machine can reach, or null when it has none.</summary>
    private Uri? LoopbackAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        var http = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                   ?? addresses?.FirstOrDefault();
        if (http is null)
        {
            return null;
        }

        // A wildcard binding (0.0.0.0, [::], +, *) is reached on the loopback interface.
        var uri = new UriBuilder(Regex.Replace(http, @"//(\+|\*|0\.0\.0\.0|\[::\])(?=[:/]|$)", "//127.0.0.1"));
        return Uri.TryCreate(uri.Uri.GetLeftPart(UriPartial.Authority), UriKind.Absolute, out var root) ? root : null;
    }

    /// <summary>The page's own scripts and style sheets (local paths in <c>src</c> and <c>href</c> of script and link tags).</summary>
    internal static IEnumerable<string> LinkedAssets(string html) =>
        LinkedAsset().Matches(html).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal);

    [GeneratedRegex(@"<(?:script|link)\b[^>]*\b(?:src|href)=""(/[^""/][^""]*)""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LinkedAsset();

    /// <summary>The <c>QUERY</c> template of wwwroot/explorer-home.js, or a small query if the script has none.</summary>
    internal static string StartPageQuery()
    {
        using var stream = ExplorerFiles.Provider.GetFileInfo("explorer-home.js").CreateReadStream();
        using var reader = new StreamReader(stream);
        var match = QueryTemplate().Match(reader.ReadToEnd());
        return match.Success ? match.Groups[1].Value : "{ stats { papers } }";
    }

    [GeneratedRegex(@"const QUERY = `([^`]+)`", RegexOptions.CultureInvariant)]
    private static partial Regex QueryTemplate();

    [LoggerMessage(1, LogLevel.Information, "Start page and its overview answered in {Milliseconds} ms at start-up ({Requests} requests, {Failed} not OK), so the first visitor does not wait for the server's first use")]
    private partial void LogWarmed(long milliseconds, int requests, int failed);

    [LoggerMessage(2, LogLevel.Warning, "Warming the start page's overview failed; the first visit will answer it")]
    private partial void LogFailed(Exception exception);
}

/// <summary>One request of the start-up warm-up and its HTTP status.</summary>
/// <param name="Request">Method and path, e.g. <c>GET /explorer.js</c>.</param>
/// <param name="Status">The HTTP status code it was answered with.</param>
internal sealed record WarmedRequest(string Request, int Status);
