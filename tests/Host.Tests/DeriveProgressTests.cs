using System.Globalization;
using System.Text.RegularExpressions;
using CiteGraph.Tests;

namespace CiteGraph.Host.Tests;

/// <summary>
/// <c>citegraph derive</c> written to a log says each stage as it begins and, inside lineage, each rule and each step of
/// the gate, with the process's memory and its CPU seconds so far: where a long run's hours went.
/// </summary>
public sealed class DeriveProgressTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Derive_to_a_log_writes_a_line_per_stage_and_per_lineage_step_in_order_with_cpu_seconds_that_never_go_back()
    {
        using var dir = new TempDirectory();
        var db = await StageLog.DemoStoreAsync(dir, Ct);

        var (exitCode, _, stderr) = await CitegraphProcess.RunAsync(Ct, "derive", "--db", db, "--no-embed");

        Assert.Equal(0, exitCode);
        var lines = StageLog.Lines(stderr);
        var steps = lines.Select(m => m.Groups["step"].Value).ToList();
        // One line per stage: a stage that reports again ("extracting: 2,000", "extracting: 4,000") writes no second line.
        // The demo corpus is too small for the title phrases (they need 100 papers), so their steps are not among these.
        string[] expected =
        [
            "extracting", "topics", "writing topics", "lineage", "lineage: mentions", "lineage: methods: claims", "lineage: et al.",
            "lineage: quoted titles", "lineage: title names", "lineage: gate: word and topic frequencies", "lineage: judging proposals", "writing lineage",
        ];
        Assert.Equal(expected, steps.Select(StripCount).Where(expected.Contains));
        var cpu = lines.Select(m => double.Parse(m.Groups["cpu"].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(cpu.Order(), cpu);
        Assert.True(cpu[^1] > 0, "the derive used some CPU");
    }

    // "lineage: judging proposals: 0 of 12" → "lineage: judging proposals"; "extracting: 2,000" → "extracting".
    private static string StripCount(string step) => Regex.Replace(step, @": [\d,]+( of [\d,]+)?$", "");
}
