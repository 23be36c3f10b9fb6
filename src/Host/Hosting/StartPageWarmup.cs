using System.Text.RegularExpressions;
using CiteGraph.GraphQL;
using GraphQL;
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
/// </summary>
internal sealed partial class StartPageWarmup(
    IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IOptions<CiteGraphOptions> options, ILogger<StartPageWarmup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WarmUpStartPage)
        {
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
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var executer = scope.ServiceProvider.GetRequiredService<IDocumentExecuter<CiteGraphSchema>>();
            var result = await executer.ExecuteAsync(new ExecutionOptions
            {
                Query = StartPageQuery(),
                RequestServices = scope.ServiceProvider,
                CancellationToken = stoppingToken,
            });
            LogWarmed(watch.ElapsedMilliseconds, result.Errors?.Count ?? 0);
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
    }

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

    [LoggerMessage(1, LogLevel.Information, "Start page overview answered in {Milliseconds} ms at start-up ({Errors} errors), so the first visitor does not wait for the engine's first use")]
    private partial void LogWarmed(long milliseconds, int errors);

    [LoggerMessage(2, LogLevel.Warning, "Warming the start page's overview failed; the first visit will answer it")]
    private partial void LogFailed(Exception exception);
}
