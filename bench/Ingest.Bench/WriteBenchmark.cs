using System.Diagnostics;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Storage.Versions;
using CiteGraph.Loaders.Reading;
using CiteGraph.Loaders.Resolution;

namespace CiteGraph.Ingest.Bench;

/// <summary>
/// Times the store's writer alone: the file is read and resolved into batches first (not timed), then written into a new
/// SQLite store as a bulk load does (one version run, batches of 20,000, the bulk load's end), so a change to the writer is
/// measured without the reading and resolving threads' time beside it. Prints one line: wall and process CPU seconds of
/// the batches and of the end.
/// </summary>
internal static class WriteBenchmark
{
    private const int BatchSize = 20_000;

    public static async Task<string> RunAsync(string path, string database)
    {
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
        {
            File.Delete(file);
        }

        var options = new SqliteStoreOptions { Path = database };
        await using var store = new SqliteGraphStore(options);
        await store.InitializeAsync();
        var resolver = await PaperResolver.CreateAsync(store);
        var input = InputFile.FromPath(path);
        var (reader, problem) = await FormatDetector.DetectAsync(input);
        if (reader is null)
        {
            throw new InvalidOperationException(problem);
        }

        var batches = new List<List<ResolvedRecord>> { new() };
        await foreach (var result in reader.ReadAsync(input))
        {
            if (result.Record is not { } record)
            {
                continue;
            }

            var resolution = resolver.Resolve(record);
            if (batches[^1].Count == BatchSize)
            {
                batches.Add(new List<ResolvedRecord>(BatchSize));
            }

            batches[^1].Add(Resolved(resolution, record));
        }

        resolver = null;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var process = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        var cpu = process.TotalProcessorTime;
        TimeSpan batchesWall, batchesCpu;
        using (var run = VersionRun.Begin(VersionKind.Load))
        {
            var scope = await store.BeginBulkLoadAsync();
            foreach (var batch in batches)
            {
                await store.UpsertCountingAsync(batch);
            }

            process.Refresh();
            batchesWall = clock.Elapsed;
            batchesCpu = process.TotalProcessorTime - cpu;
            await scope.DisposeAsync();
            await store.CompleteRunAsync(run);
        }

        process.Refresh();
        var endWall = clock.Elapsed - batchesWall;
        var endCpu = process.TotalProcessorTime - cpu - batchesCpu;
        return $"records {batches.Sum(b => b.Count)} batches_wall {batchesWall.TotalSeconds:F2} batches_cpu {batchesCpu.TotalSeconds:F2} end_wall {endWall.TotalSeconds:F2} end_cpu {endCpu.TotalSeconds:F2} bytes {new FileInfo(database).Length}";
    }

    private static ResolvedRecord Resolved(Resolution resolution, Graph.Model.PaperRecord record) =>
        new(resolution.PaperId, record) { ResolvedAsNew = resolution.IsNew };
}
