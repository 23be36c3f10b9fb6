using System.Diagnostics;
using CiteGraph.Loaders.Derive;

namespace CiteGraph.Host.Cli;

/// <summary>
/// Derive progress for a log rather than a terminal: one line as each stage begins, with the time since the pass
/// started, so a long run written to a file (a benchmark, a cron job) shows where its hours went.
/// </summary>
internal sealed class StageLines(TextWriter output) : IProgress<DeriveProgress>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private string? _stage;

    public void Report(DeriveProgress value)
    {
        lock (_gate)
        {
            if (string.Equals(value.Stage, _stage, StringComparison.Ordinal))
            {
                return;
            }

            _stage = value.Stage;
            output.WriteLine($"[{_clock.Elapsed:hh\\:mm\\:ss}] {value}");
            output.Flush();
        }
    }
}
