using System.Diagnostics;
using System.Text.Json;
using CiteGraph.Graph.Analytics;

namespace CiteGraph.Analytics.Bench;

/// <summary>
/// Leiden's growth with the graph (issue 22): generates the citation graph of <c>citegraph generate</c> in memory, runs the
/// analyze step's hierarchical Leiden on it and prints, per hierarchy level and per aggregation level, where the time goes.
/// </summary>
internal static class LeidenScale
{
    public static void Run(int nodes, int refs, int seed, string? edgesOut)
    {
        var clock = Stopwatch.StartNew();
        var (sources, targets) = GeneratedCitations(nodes, refs, seed);
        Console.Error.WriteLine($"generated {nodes:N0} papers, {sources.Length:N0} citations in {clock.Elapsed.TotalSeconds:F1} s");
        if (edgesOut is not null)
        {
            EdgeListFile.Write(edgesOut, sources, targets);
        }

        var graph = CsrGraph.FromEdges(nodes, sources, targets);
        sources = targets = [];
        clock.Restart();
        var undirected = graph.ToUndirected();
        graph = null;
        Emit(new() { ["step"] = "undirected", ["seconds"] = clock.Elapsed.TotalSeconds, ["nodes"] = nodes, ["arcs"] = undirected.EdgeCount });

        var options = new LeidenOptions();
        var profiles = new List<LeidenProfile>();
        var detectTime = new List<TimeSpan>();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        clock.Restart();
        var threadBefore = ThreadCpu();
        var hierarchy = CommunityHierarchy.Compute(undirected, (g, level, _) =>
        {
            while (profiles.Count <= level)
            {
                profiles.Add(new LeidenProfile { Now = ThreadCpu });
                detectTime.Add(TimeSpan.Zero);
            }

            var start = ThreadCpu();
            var result = Leiden.ComputeProfiled(g, options, profiles[level]);
            detectTime[level] += ThreadCpu() - start;
            return result;
        });
        double total = clock.Elapsed.TotalSeconds;
        double threadCpu = (ThreadCpu() - threadBefore).TotalSeconds;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        for (int level = 0; level < profiles.Count; level++)
        {
            var p = profiles[level];
            Emit(new()
            {
                ["step"] = "hierarchy-level",
                ["level"] = level,
                ["runs"] = p.Runs,
                ["cpu_s"] = detectTime[level].TotalSeconds,
                ["other_cpu_s"] = p.Other.TotalSeconds,
            });
            for (int a = 0; a < p.Levels.Count; a++)
            {
                var l = p.Levels[a];
                Emit(new()
                {
                    ["step"] = "aggregation-level",
                    ["level"] = level,
                    ["aggregation"] = a,
                    ["entries"] = l.Entries,
                    ["nodes"] = l.Nodes,
                    ["arcs"] = l.Arcs,
                    ["visits"] = l.Visits,
                    ["visits_per_node"] = l.Nodes == 0 ? 0 : (double)l.Visits / l.Nodes,
                    ["arcs_scanned"] = l.ArcsScanned,
                    ["moves"] = l.Moves,
                    ["moving_cpu_s"] = l.LocalMoving.TotalSeconds,
                    ["cpu_ns_per_arc_scanned"] = l.ArcsScanned == 0 ? 0 : l.LocalMoving.TotalNanoseconds / l.ArcsScanned,
                    ["refine_cpu_s"] = l.Refinement.TotalSeconds,
                    ["aggregate_cpu_s"] = l.Aggregation.TotalSeconds,
                });
            }
        }

        Emit(new()
        {
            ["step"] = "leiden-hierarchy",
            ["seconds"] = total,
            ["cpu_s"] = cpu,
            ["thread_cpu_s"] = threadCpu,
            ["outside_detect_cpu_s"] = threadCpu - detectTime.Sum(t => t.TotalSeconds),
            ["levels"] = string.Join(" / ", hierarchy.Levels.Select(l => l.Max() + 1 - l.Min())),
            ["modularity"] = hierarchy.Top.Modularity,
            ["peak_rss_mb"] = process.PeakWorkingSet64 >> 20,
            ["load"] = File.ReadAllText("/proc/loadavg").Trim(),
        });
    }

    /// <summary>
    /// The citations of <c>citegraph generate --papers nodes --refs refs</c> (SyntheticCorpus.References): paper i cites up to
    /// <paramref name="refs"/> distinct earlier papers drawn with density 2(1 − x) over 0..i-1, so old papers become hubs.
    /// </summary>
    private static (int[] Sources, int[] Targets) GeneratedCitations(int nodes, int refs, int seed)
    {
        var random = new Random(seed);
        var sources = new List<int>(nodes * refs);
        var targets = new List<int>(nodes * refs);
        var chosen = new List<int>(refs);
        for (int i = 1; i < nodes; i++)
        {
            chosen.Clear();
            int wanted = Math.Min(refs, i);
            for (int attempt = 0; chosen.Count < wanted && attempt < wanted * 8; attempt++)
            {
                int t = Math.Clamp((int)(i * (1 - Math.Sqrt(random.NextDouble()))), 0, i - 1);
                if (!chosen.Contains(t))
                {
                    chosen.Add(t);
                }
            }

            chosen.Sort();
            foreach (int t in chosen)
            {
                sources.Add(i);
                targets.Add(t);
            }
        }

        return (sources.ToArray(), targets.ToArray());
    }

    /// <summary>CPU time of the calling thread (clock_gettime CLOCK_THREAD_CPUTIME_ID): phase times that other jobs do not inflate.</summary>
    private static TimeSpan ThreadCpu()
    {
        _ = ClockGetTime(3, out var ts);
        return TimeSpan.FromTicks((ts.Seconds * TimeSpan.TicksPerSecond) + (ts.Nanoseconds / 100));
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static void Emit(Dictionary<string, object> fields) => Console.WriteLine(JsonSerializer.Serialize(fields));
}
