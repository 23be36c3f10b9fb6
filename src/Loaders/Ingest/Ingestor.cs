using System.Diagnostics;
using System.Threading.Channels;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Storage.Versions;
using CiteGraph.Loaders.Reading;
using CiteGraph.Loaders.Resolution;

namespace CiteGraph.Loaders.Ingest;

/// <summary>
/// Loads inputs into a store: detects each input's format, streams its records, resolves each to a paper and writes
/// them in batched transactions. A bad entry or a whole unreadable input is rejected and reported; the load goes on,
/// and what the store held before is never touched by a failed batch.
/// </summary>
/// <remarks>
/// Three stages joined by bounded channels, so parsing, resolving and writing overlap and memory stays bounded whatever
/// the input size: a reader task (detect, decompress, parse, normalize), this method (resolve, quarantine, batch) and a
/// writer task (one transaction per batch, in order). The corpus-wide derive pass (topics, inferred lineage, embeddings)
/// is not part of it: it is <see cref="Derive.DeriveStage"/>, which the caller runs after the load
/// (<see cref="Derive.DeriveStage.AfterLoadAsync"/>).
/// </remarks>
public sealed class Ingestor(IGraphStore store, IngestOptions? options = null)
{
    /// <summary>Chunks of records parsed ahead of the resolver at most (4096 records).</summary>
    private const int ChunksInFlight = 4096 / InputReader.ChunkSize;

    private readonly IngestOptions _options = options ?? new IngestOptions();

    /// <summary>Loads <paramref name="inputs"/> in order and reports what happened.</summary>
    public async Task<LoadReport> LoadAsync(
        IReadOnlyList<InputFile> inputs, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.BatchSize);
        var clock = Stopwatch.StartNew();
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        // Every batch the writer task commits records its events under this run's version (the task inherits the run).
        using var run = VersionRun.Begin(_options.VersionKind);
        PaperResolver? resolver = await PaperResolver.CreateAsync(store, cancellationToken).ConfigureAwait(false);
        var explicitBefore = ExplicitCitations(await store.GetStatsAsync(cancellationToken).ConfigureAwait(false));
        await using var rejectsFile = _options.RejectsPath is null ? null : new JsonLinesFile(_options.RejectsPath);
        await using var mergesFile = _options.MergesPath is null ? null : new JsonLinesFile(_options.MergesPath);
        var bytesTotal = InputFile.TotalLength(inputs);
        var bulk = _options.Bulk ?? bytesTotal >= IngestOptions.BulkThresholdBytes;
        await using var bulkScope = bulk ? await store.BeginBulkLoadAsync(cancellationToken).ConfigureAwait(false) : null;

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var entries = Channel.CreateBounded<List<Entry>>(new BoundedChannelOptions(ChunksInFlight) { SingleReader = true, SingleWriter = true });
        var batches = Channel.CreateBounded<List<ResolvedRecord>>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var reading = new InputReader(new ReadOptions(_options.Format, _options.EdgeDirection, _options.IdKind) { Formats = _options.Formats });
        var readTask = Task.Run(() => reading.ReadAllAsync(inputs, entries.Writer, stop.Token), stop.Token);
        var writeTask = Task.Run(() => WriteAllAsync(batches.Reader, stop), stop.Token);

        var files = new List<FileReport>();
        var rejections = new List<Rejection>();
        var mergedBy = new Dictionary<MatchKind, int>();
        var batchSize = Math.Min(_options.BatchSize, RampStart);
        var batch = new List<ResolvedRecord>(batchSize);
        int read = 0, loaded = 0, created = 0, merged = 0, storedMeanwhile = 0;
        var written = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var entry in EntriesOf(entries.Reader, stop.Token).ConfigureAwait(false))
            {
                if (entry.Done is { } done)
                {
                    files.Add(done);
                    continue;
                }

                if (entry.Counted)
                {
                    read++;
                }

                if (entry.Rejection is { } rejection)
                {
                    rejections.Add(rejection);
                    if (rejectsFile is not null)
                    {
                        await rejectsFile.WriteAsync(new { source = rejection.Source, line = rejection.Line, reason = rejection.Reason }, stop.Token).ConfigureAwait(false);
                    }
                }
                else
                {
                    var record = entry.Record!;
                    var resolution = resolver.Resolve(record);
                    if (resolution.IsNew)
                    {
                        created++;
                    }
                    else
                    {
                        merged++;
                        mergedBy[resolution.MatchedBy] = mergedBy.GetValueOrDefault(resolution.MatchedBy) + 1;
                        if (mergesFile is not null)
                        {
                            await mergesFile.WriteAsync(
                                new
                                {
                                    source = record.Source.Source,
                                    line = record.Source.Line,
                                    paper = resolution.PaperId,
                                    matchedBy = resolution.MatchedBy.ToString().ToLowerInvariant(),
                                    matchedOn = resolution.MatchedOn,
                                },
                                stop.Token).ConfigureAwait(false);
                        }
                    }

                    batch.Add(new ResolvedRecord(resolution.PaperId, record) { ResolvedAsNew = resolution.IsNew });
                    written.Add(resolution.PaperId);
                    loaded++;
                    if (batch.Count >= batchSize)
                    {
                        await batches.Writer.WriteAsync(batch, stop.Token).ConfigureAwait(false);
                        batchSize = Math.Min(batchSize * 2, _options.BatchSize);
                        batch = new List<ResolvedRecord>(batchSize);
                    }
                }

                if (read % 1000 == 0)
                {
                    progress?.Report(new IngestProgress(entry.Source, read, rejections.Count, reading.BytesRead, bytesTotal));
                }
            }

            if (batch.Count > 0)
            {
                await batches.Writer.WriteAsync(batch, stop.Token).ConfigureAwait(false);
            }

            batches.Writer.Complete();
            await readTask.ConfigureAwait(false);
            storedMeanwhile = await writeTask.ConfigureAwait(false);
        }
        catch
        {
            // The first failure wins: stop every stage, wait for them, and report that failure rather than a cancellation.
            await stop.CancelAsync().ConfigureAwait(false);
            batches.Writer.TryComplete();
            await Task.WhenAll(readTask, writeTask).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            if ((writeTask.Exception ?? readTask.Exception)?.InnerException is { } first and not OperationCanceledException)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
            }

            throw;
        }

        progress?.Report(new IngestProgress(inputs.Count > 0 ? inputs[^1].Name : "", read, rejections.Count, reading.BytesRead, bytesTotal));
        resolver = null; // a million papers' identities: let the index build at the end of a bulk load have that memory
        TimeSpan? indexing = null;
        if (bulkScope is not null)
        {
            progress?.Report(new IngestProgress("indexing", read, rejections.Count, reading.BytesRead, bytesTotal));
            var started = clock.Elapsed;
            await bulkScope.DisposeAsync().ConfigureAwait(false);
            indexing = clock.Elapsed - started;
        }

        var version = store.KeepsVersions ? await store.CompleteRunAsync(run, cancellationToken).ConfigureAwait(false) : null;
        var stats = await store.GetStatsAsync(cancellationToken).ConfigureAwait(false);
        // Papers another writer (a concurrent load) stored after the resolver read the identities were merged, not new.
        var mergedByName = mergedBy.ToDictionary(p => p.Key.ToString().ToLowerInvariant(), p => p.Value);
        if (storedMeanwhile > 0)
        {
            mergedByName["concurrent load"] = storedMeanwhile;
        }

        return new LoadReport
        {
            Read = read + files.Count(f => f.Format is null),
            Loaded = loaded,
            New = created - storedMeanwhile,
            Merged = merged + storedMeanwhile,
            MergedBy = mergedByName,
            Rejected = rejections.Count,
            Files = files,
            Rejections = rejections,
            PapersInStore = stats.Papers,
            ReposInStore = stats.Repos,
            CitationsInStore = stats.Citations,
            CitationsAdded = ExplicitCitations(stats) - explicitBefore,
            Elapsed = clock.Elapsed,
            Indexing = indexing,
            Version = version?.Number,
            Papers = written,
        };
    }

    /// <summary>
    /// Records in the first batch of a load whose batch size is larger: the writer waits for that batch while the reader
    /// warms up, so a load starts small and doubles each batch up to the configured size.
    /// </summary>
    private const int RampStart = 1000;

    /// <summary>The reader's entries one by one, as it hands them over in chunks (<see cref="InputReader.ChunkSize"/>).</summary>
    private static async IAsyncEnumerable<Entry> EntriesOf(
        ChannelReader<List<Entry>> chunks, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var chunk in chunks.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var entry in chunk)
            {
                yield return entry;
            }
        }
    }

    private static int ExplicitCitations(Graph.Model.GraphStats stats) => stats.Citations - stats.InferredCitations;

    /// <returns>The number of papers resolved as new that another writer had stored meanwhile.</returns>
    private async Task<int> WriteAllAsync(ChannelReader<List<ResolvedRecord>> batches, CancellationTokenSource stop)
    {
        var storedMeanwhile = 0;
        try
        {
            await foreach (var batch in batches.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                storedMeanwhile += await store.UpsertCountingAsync(batch, stop.Token).ConfigureAwait(false);
            }

            return storedMeanwhile;
        }
        catch
        {
            // Nobody reads batches any more: the resolver, waiting for room in the channel, must be stopped too.
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }
}
