using System.Diagnostics;
using CiteGraph.Loaders.Reading;

namespace CiteGraph.Ingest.Bench;

/// <summary>Times reading a file with the reader the loader would choose for it, without writing anything.</summary>
internal static class ParseBenchmark
{
    public static async Task<ParseResult> RunAsync(string path)
    {
        var input = InputFile.FromPath(path);
        var bytes = input.Length ?? 0;
        var clock = Stopwatch.StartNew();
        // Detection is part of what a load pays for, so it is inside the timing.
        var (reader, problem) = await FormatDetector.DetectAsync(input);
        if (reader is null)
        {
            return new ParseResult(path, null, 0, 0, 0, 0, 0, bytes, clock.Elapsed.TotalSeconds, problem);
        }

        long records = 0, references = 0, authors = 0, repos = 0, rejections = 0;
        await foreach (var result in reader.ReadAsync(input))
        {
            if (result.Record is { } record)
            {
                records++;
                references += record.References.Count;
                authors += record.Authors.Count;
                repos += record.Repos.Count;
            }
            else
            {
                rejections++;
            }
        }

        return new ParseResult(path, reader.Format, records, references, authors, repos, rejections, bytes, clock.Elapsed.TotalSeconds, null);
    }
}
