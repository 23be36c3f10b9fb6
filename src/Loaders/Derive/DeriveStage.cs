using System.Diagnostics;
using CiteGraph.Graph.Storage;
using CiteGraph.Loaders.Ingest;

namespace CiteGraph.Loaders.Derive;

/// <summary>
/// The derive stage: the corpus-wide pass (topics, co-topics, inferred lineage, embeddings; <see cref="TopicsAndLineage"/>)
/// that whoever loads runs after the ingest stage, since topics need document frequencies over the whole store. The
/// ingest stage (<see cref="Ingestor"/>) only reads, resolves and writes records.
/// </summary>
public static class DeriveStage
{
    /// <summary>Runs the pass over every paper of <paramref name="store"/>.</summary>
    public static Task<DeriveReport> RunAsync(
        IGraphStore store, DeriveOptions? options = null, IProgress<DeriveProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new TopicsAndLineage(store, options).RunAsync(progress, cancellationToken);
    }

    /// <summary>
    /// Runs the pass after <paramref name="load"/> when it wrote records (else returns it as it is), and returns the load's
    /// report with what the pass derived, the store's counts after it and the time it took added to the load's. Progress
    /// goes on as the load's: <c>derive: stage: done of total</c>.
    /// </summary>
    public static async Task<LoadReport> AfterLoadAsync(
        IGraphStore store, LoadReport load, DeriveOptions? options = null, IProgress<IngestProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(load);
        if (load.Loaded == 0)
        {
            return load;
        }

        var clock = Stopwatch.StartNew();
        // Entries read as the load's progress counted them: an unreadable input counts in the report, not in progress.
        var read = load.Read - load.Files.Count(f => f.Format is null);
        var deriveProgress = progress is null ? null : new SynchronousProgress<DeriveProgress>(
            p => progress.Report(new IngestProgress($"derive: {p}", read, load.Rejected, p.Done, p.Total)));
        var derived = await RunAsync(store, options, deriveProgress, cancellationToken).ConfigureAwait(false);
        // The pass adds inferred citations (the explicit count, and so CitationsAdded, stays the load's).
        var stats = await store.GetStatsAsync(cancellationToken).ConfigureAwait(false);
        return load with
        {
            Derived = derived,
            PapersInStore = stats.Papers,
            ReposInStore = stats.Repos,
            CitationsInStore = stats.Citations,
            Elapsed = load.Elapsed + clock.Elapsed,
        };
    }
}
