using CiteGraph.Tests;

namespace CiteGraph.Host.Tests;

/// <summary><c>citegraph analyze</c> written to a log (a benchmark, a cron job) says each step as it begins, with its memory and the CPU and GC pause seconds so far.</summary>
public sealed class AnalyzeProgressTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Analyze_to_a_log_writes_a_line_per_step_with_the_time_and_the_memory_and_keeps_stdout_json()
    {
        using var dir = new TempDirectory();
        var db = await StageLog.DemoStoreAsync(dir, Ct);

        var (exitCode, stdout, stderr) = await CitegraphProcess.RunAsync(Ct, "analyze", "--db", db, "--json");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("{", stdout.TrimStart(), StringComparison.Ordinal);
        var steps = StageLog.Lines(stderr).Select(match => match.Groups["step"].Value).ToList();
        string[] expected = ["reading the citation graph", "pagerank", "leiden", "wcc", "kcore", "labeling communities", "writing results"];
        // In this order, each once (Leiden's deeper levels and the labels' passes may add lines between them).
        Assert.Equal(expected, steps.Where(expected.Contains));
    }
}
