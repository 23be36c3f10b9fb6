using System.Text.Json;
using CiteGraph.Tests;

namespace CiteGraph.Host.Tests;

/// <summary>Two <c>citegraph load</c> processes on the same database at once (issue 17, item 4).</summary>
public sealed class ConcurrentLoadTests
{
    private const string Listing = """
        Daily Papers

        Subscribe

        Sparse Lattice Attention For Long Documents

        We propose sparse lattice attention, an attention pattern for long documents that scales linearly.

        Graph Weaver: Weaving Citation Graphs

        Graph Weaver builds citation graphs from paper listings and keeps every source as provenance.

        Quiet Gradients In Deep Networks

        We study quiet gradients, a regime of training deep networks where the loss plateaus for long.

        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_loads_racing_on_a_fresh_path_both_succeed_and_count_each_paper_new_once()
    {
        using var dir = new TempDirectory();
        var listing = dir.Write("listing.txt", Listing);
        // Before migrations were serialised, one of two racing processes died with "table paper already exists" in
        // about one round in three (measured: 2 of 6); eight rounds make a pass by luck unlikely (about 4%).
        for (var round = 0; round < 8; round++)
        {
            var db = dir.File($"race-{round}.db");
            var runs = await Task.WhenAll(
                CitegraphProcess.RunAsync(Ct, "load", listing, "--db", db, "--json", "--no-derive"),
                CitegraphProcess.RunAsync(Ct, "load", listing, "--db", db, "--json", "--no-derive"));
            foreach (var (exitCode, stdout, stderr) in runs)
            {
                Assert.True(exitCode == 0, $"round {round}: exit {exitCode}\n{stderr}");
                Assert.DoesNotContain("Unhandled exception", stderr, StringComparison.Ordinal);
            }

            var reports = runs.Select(r => JsonDocument.Parse(r.Stdout).RootElement).ToArray();
            // Each paper was created by exactly one of the two; the other merged into it, and says so.
            Assert.Equal(3, reports.Sum(r => r.GetProperty("new").GetInt32()));
            Assert.Equal(3, reports.Sum(r => r.GetProperty("merged").GetInt32()));
            Assert.All(reports, r => Assert.Equal(3, r.GetProperty("papersInStore").GetInt32()));
        }
    }
}
