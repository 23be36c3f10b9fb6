using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;
using CiteGraph.Loaders.Demo;
using CiteGraph.Loaders.Derive;
using CiteGraph.Loaders.Ingest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CiteGraph.Host.Hosting;

/// <summary>Before the server takes requests: migrates the store and, with <c>Demo</c> on, loads the demo corpus.</summary>
internal sealed partial class StoreInitializer(
    IGraphStore store, StoreLocation location, SnapshotHolder snapshots, IOptions<CiteGraphOptions> options, ILogger<StoreInitializer> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        if (options.Value.Demo)
        {
            var loaded = await new Ingestor(store).LoadAsync(DemoCorpus.Files, cancellationToken: cancellationToken);
            var report = await DeriveStage.AfterLoadAsync(store, loaded, cancellationToken: cancellationToken);
            LogDemoLoaded(report.Read, report.PapersInStore, report.ReposInStore, report.Rejected);
        }

        var stats = await store.GetStatsAsync(cancellationToken);
        var snapshot = await snapshots.RebuildAsync(cancellationToken);
        LogReady(location.ToString(), stats.Papers, stats.Repos, snapshot.Citations.EdgeCount);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1, LogLevel.Information, "Demo corpus loaded: {Read} entries read, {Papers} papers, {Repos} repos, {Rejected} rejected (on purpose)")]
    private partial void LogDemoLoaded(int read, int papers, int repos, int rejected);

    [LoggerMessage(2, LogLevel.Information, "Store {Database} ready: {Papers} papers, {Repos} repos; snapshot holds {Citations} citations")]
    private partial void LogReady(string database, int papers, int repos, int citations);
}
