// Ingest benchmark, parse-only half (issue 4), driven by bench/run-ingest.sh.
//
//   dotnet bench/Ingest.Bench/bin/Release/net10.0/CiteGraph.Ingest.Bench.dll parse <file>
//       streams <file> through the loader's own reading stage (FormatDetector.DetectAsync + IRecordReader.ReadAsync from
//       src/Loaders/Reading), writing nothing, and prints one JSON line: records, references, rejections, bytes, seconds,
//       records/s and MB/s.
//
// End to end is not measured here: bench/run-ingest.sh times the real CLI (`citegraph load … --json`) as a user runs it.
using CiteGraph.Ingest.Bench;

switch (args)
{
    case ["parse", var path]:
        var result = await ParseBenchmark.RunAsync(path);
        Console.WriteLine(result.ToJson());
        return result.Problem is null ? 0 : 1;
    default:
        await Console.Error.WriteLineAsync("usage: parse <file>");
        return 2;
}
