using System.Text.RegularExpressions;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Demo;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Tests;

namespace CiteGraph.Host.Tests;

/// <summary><c>citegraph analyze</c> written to a log (a benchmark, a cron job) says each step as it begins, with its memory and the CPU and GC pause seconds so far.</summary>
public sealed partial class AnalyzeProgressTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Analyze_to_a_log_writes_a_line_per_step_with_the_time_and_the_memory_and_keeps_stdout_json()
    {
        using var dir = new TempDirectory();
        var db = dir.File("demo.db");
        await using (var store = SqliteGraphStore.Open(new SqliteStoreOptions { Path = db }))
        {
            await new Ingestor(store).LoadAsync(DemoCorpus.Files, cancellationToken: Ct);
        }

        var (exitCode, stdout, stderr) = await CitegraphProcess.RunAsync(Ct, "analyze", "--db", db, "--json");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("{", stdout.TrimStart(), StringComparison.Ordinal);
        var steps = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => StepLine().Match(line))
            .Where(match => match.Success)
            .Select(match => match.Groups["step"].Value)
            .ToList();
        string[] expected = ["reading the citation graph", "pagerank", "leiden", "wcc", "kcore", "labeling communities", "writing results"];
        // In this order, each once (Leiden's deeper levels and the labels' passes may add lines between them).
        Assert.Equal(expected, steps.Where(expected.Contains));
    }

    [GeneratedRegex(@"^\[\d\d:\d\d:\d\d\] (?<step>.+) \(rss \d+\.\d\d GiB, peak \d+\.\d\d GiB, cpu \d+\.\d s, gc \d+\.\d s\)$")]
    private static partial Regex StepLine();
}
