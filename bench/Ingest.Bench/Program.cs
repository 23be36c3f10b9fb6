// Ingest benchmark, parse-only half (issue 4), driven by bench/run-ingest.sh.
//
//   dotnet bench/Ingest.Bench/bin/Release/net10.0/CiteGraph.Ingest.Bench.dll parse <file>
//       streams <file> through the loader's own reading stage (FormatDetector.DetectAsync + IRecordReader.ReadAsync from
//       src/Loaders/Reading), writing nothing, and prints one JSON line: records, references, rejections, bytes, seconds,
//       records/s and MB/s.
//
//   dotnet bench/Ingest.Bench/bin/Release/net10.0/CiteGraph.Ingest.Bench.dll write <file> <new database>
//       reads and resolves <file> into batches first, then times the SQLite store's writer alone on them as a bulk load
//       (WriteBenchmark): for A/B comparisons of the writer, away from the reading and resolving threads.
//
// End to end is not measured here: bench/run-ingest.sh times the real CLI (`citegraph load … --json`) as a user runs it.
using CiteGraph.Ingest.Bench;

switch (args)
{
    case ["parse", var path]:
        var result = await ParseBenchmark.RunAsync(path);
        Console.WriteLine(result.ToJson());
        return result.Problem is null ? 0 : 1;
    case ["write", var path, var database]:
        Console.WriteLine(await WriteBenchmark.RunAsync(path, database));
        return 0;
    default:
        await Console.Error.WriteLineAsync("usage: parse <file> | write <file> <new database>");
        return 2;
}
