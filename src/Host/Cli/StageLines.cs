using System.Diagnostics;
using System.Globalization;
using CiteGraph.Loaders.Derive;

namespace CiteGraph.Host.Cli;

/// <summary>
/// Progress for a log rather than a terminal: one line as each stage of a long pass (derive, analyze) begins, with the
/// time since the pass started and the process's memory, so a long run written to a file (a benchmark, a cron job)
/// shows where its hours and its gigabytes went.
/// </summary>
internal sealed class StageLines(TextWriter output) : IProgress<DeriveProgress>, IProgress<string>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private string? _stage;

    public void Report(DeriveProgress value)
    {
        Write(value.Stage, value.ToString());
    }

    public void Report(string value) => Write(value, value);

    private void Write(string stage, string line)
    {
        lock (_gate)
        {
            if (string.Equals(stage, _stage, StringComparison.Ordinal))
            {
                return;
            }

            _stage = stage;
            using var self = Process.GetCurrentProcess();
            // Resident now and at most so far: the peak shows what the stage that just ended needed. The process's CPU
            // seconds so far (on a shared machine the wall clock between two lines says little of a stage's own cost),
            // and how long the garbage collector has paused it so far (a large heap makes each full collection dearer).
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{_clock.Elapsed:hh\\:mm\\:ss}] {line} (rss {Gib(self.WorkingSet64)} GiB, peak {Gib(self.PeakWorkingSet64)} GiB, cpu {self.TotalProcessorTime.TotalSeconds:0.0} s, gc {GC.GetTotalPauseDuration().TotalSeconds:0.0} s)"));
            output.Flush();
        }
    }

    private static string Gib(long bytes) => (bytes / (1024.0 * 1024 * 1024)).ToString("0.00", CultureInfo.InvariantCulture);
}
