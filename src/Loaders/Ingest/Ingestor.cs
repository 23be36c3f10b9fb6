using System.Diagnostics;
using CiteGraph.Graph.Storage;
using CiteGraph.Loaders.Derive;
using CiteGraph.Loaders.Reading;
using CiteGraph.Loaders.Resolution;

namespace CiteGraph.Loaders.Ingest;

/// <summary>
/// Loads inputs into a store: detects each input's format, streams its records, resolves each to a paper and writes
/// them in batched transactions. A bad entry or a whole unreadable input is rejected and reported; the load goes on,
/// and what the store held before is never touched by a failed batch.
/// </summary>
public sealed class Ingestor(IGraphStore store, IngestOptions? options = null)
{
    private readonly IngestOptions _options = options ?? new IngestOptions();

    /// <summary>Loads <paramref name="inputs"/> in order and reports what happened.</summary>
    public async Task<LoadReport> LoadAsync(
        IReadOnlyList<InputFile> inputs, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.BatchSize);
        var clock = Stopwatch.StartNew();
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var resolver = await PaperResolver.CreateAsync(store, cancellationToken).ConfigureAwait(false);
        await using var rejectsFile = _options.RejectsPath is null ? null : new RejectsFile(_options.RejectsPath);

        var readOptions = new ReadOptions(_options.Format, _options.EdgeDirection);
        var batch = new List<ResolvedRecord>(_options.BatchSize);
        var files = new List<FileReport>();
        var rejections = new List<Rejection>();
        int read = 0, loaded = 0, created = 0, merged = 0;

        async Task RejectAsync(Rejection rejection)
        {
            rejections.Add(rejection);
            if (rejectsFile is not null)
            {
                await rejectsFile.WriteAsync(rejection, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var input in inputs)
        {
            int fileRead = 0, fileLoaded = 0, fileRejected = 0;
            string? format = null;
            IRecordReader? reader;
            string? problem;
            try
            {
                (reader, problem) = await FormatDetector.DetectAsync(input, readOptions, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                (reader, problem) = (null, $"cannot read: {ex.Message}");
            }
            catch (UnauthorizedAccessException ex)
            {
                (reader, problem) = (null, $"cannot read: {ex.Message}");
            }
            catch (InvalidDataException ex)
            {
                (reader, problem) = (null, $"cannot decompress: {ex.Message}");
            }

            if (reader is null)
            {
                await RejectAsync(new Rejection(input.Name, 1, problem!)).ConfigureAwait(false);
                files.Add(new FileReport(input.Name, null, 0, 0, 1));
                continue;
            }

            await using var results = reader.ReadAsync(input, cancellationToken).GetAsyncEnumerator(cancellationToken);
            var lastLine = 1;
            while (true)
            {
                ReadResult result;
                try
                {
                    if (!await results.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }

                    result = results.Current;
                    lastLine = result.Record?.Source.Line ?? result.Rejection?.Line ?? lastLine;
                }
                catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    // A corrupt gzip stream or a file that vanished: what was read stays loaded, the rest of this input is reported.
                    result = ReadResult.Rejected(input.Name, lastLine, $"reading stopped after the entry at this line: {ex.Message}");
                    read++;
                    fileRead++;
                    fileRejected++;
                    await RejectAsync(result.Rejection!).ConfigureAwait(false);
                    break;
                }

                read++;
                fileRead++;
                if (result.Rejection is { } rejection)
                {
                    fileRejected++;
                    await RejectAsync(rejection).ConfigureAwait(false);
                }
                else
                {
                    var record = result.Record!;
                    format = record.Source.Format;
                    var resolution = resolver.Resolve(record);
                    if (resolution.IsNew)
                    {
                        created++;
                    }
                    else
                    {
                        merged++;
                    }

                    batch.Add(new ResolvedRecord(resolution.PaperId, record));
                    loaded++;
                    fileLoaded++;
                    if (batch.Count >= _options.BatchSize)
                    {
                        await store.UpsertAsync(batch, cancellationToken).ConfigureAwait(false);
                        batch.Clear();
                    }
                }

                if (read % 100 == 0)
                {
                    progress?.Report(new IngestProgress(input.Name, read, rejections.Count, 0, null));
                }
            }

            files.Add(new FileReport(input.Name, format ?? reader.Format, fileRead, fileLoaded, fileRejected));
            progress?.Report(new IngestProgress(input.Name, read, rejections.Count, 0, null));
        }

        await store.UpsertAsync(batch, cancellationToken).ConfigureAwait(false);
        DeriveReport? derived = null;
        if (_options.Derive && loaded > 0)
        {
            var deriveProgress = progress is null ? null : new SynchronousProgress<DeriveProgress>(
                p => progress.Report(new IngestProgress($"derive: {p.Stage}", read, rejections.Count, p.Done, p.Total)));
            derived = await new TopicsAndLineage(store, _options.DeriveOptions).RunAsync(deriveProgress, cancellationToken).ConfigureAwait(false);
        }

        var stats = await store.GetStatsAsync(cancellationToken).ConfigureAwait(false);
        return new LoadReport
        {
            Read = read + files.Count(f => f.Format is null),
            Loaded = loaded,
            New = created,
            Merged = merged,
            Rejected = rejections.Count,
            Files = files,
            Rejections = rejections,
            PapersInStore = stats.Papers,
            ReposInStore = stats.Repos,
            CitationsInStore = stats.Citations,
            Elapsed = clock.Elapsed,
            Derived = derived,
        };
    }
}
