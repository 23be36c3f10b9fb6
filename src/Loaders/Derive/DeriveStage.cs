using System.Diagnostics;
using CiteGraph.Graph.Storage;
using CiteGraph.Loaders.Ingest;

namespace CiteGraph.Loaders.Derive;

/// <summary>
/// The derive stage that whoever loads runs after the ingest stage (<see cref="Ingestor"/>, which only reads, resolves
/// and writes records): the corpus-wide pass (topics, co-topics, inferred lineage, embeddings; <see cref="TopicsAndLineage"/>)
/// when the store has never been derived in full or has grown by more than <see cref="DeriveOptions.FullPassGrowth"/>
/// since, else the incremental pass over the papers the load wrote (<see cref="IncrementalDerive"/>). The report says
/// which ran and why.
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
        options ??= new DeriveOptions();
        var (incremental, reason) = await ChooseAsync(store, load, options, cancellationToken).ConfigureAwait(false);
        var derived = incremental
            ? await new IncrementalDerive(store, options).RunAsync(load.Papers, deriveProgress, cancellationToken).ConfigureAwait(false)
            : await RunAsync(store, options, deriveProgress, cancellationToken).ConfigureAwait(false);
        derived = derived with { Reason = reason };
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

    /// <summary>
    /// Whether the papers <paramref name="load"/> wrote may be derived alone, and why (or why not): only on a store a
    /// full pass derived (recorded by <see cref="TopicsAndLineage"/>) that has grown by at most
    /// <see cref="DeriveOptions.FullPassGrowth"/> since, where the load wrote no more than that share of it.
    /// </summary>
    public static async Task<(bool Incremental, string Reason)> ChooseAsync(
        IGraphStore store, LoadReport load, DeriveOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Incremental)
        {
            return (false, "full pass asked for");
        }

        if (load.Papers.Count == 0)
        {
            return (false, "the load names no papers it wrote");
        }

        var mark = await store.ReadFullDeriveAsync(cancellationToken).ConfigureAwait(false);
        if (mark is null || mark.Papers == 0)
        {
            return (false, "no full pass recorded in the store yet");
        }

        var papers = load.PapersInStore;
        var growth = (double)(papers - mark.Papers) / mark.Papers;
        var share = (double)load.Papers.Count / mark.Papers;
        var since = FormattableString.Invariant($"the corpus grew {Math.Max(0, growth) * 100:0.0}% since the last full pass ({mark.Papers:N0} papers, {mark.At:yyyy-MM-dd HH:mm}Z)");
        if (growth > options.FullPassGrowth || share > options.FullPassGrowth)
        {
            return (false, since + FormattableString.Invariant($" and this load wrote {load.Papers.Count:N0} papers: more than {options.FullPassGrowth * 100:0.#}%, a full pass"));
        }

        return (true, since + FormattableString.Invariant($": {load.Papers.Count:N0} papers derived incrementally (a full pass past {options.FullPassGrowth * 100:0.#}%, or with `citegraph derive`)"));
    }
}
