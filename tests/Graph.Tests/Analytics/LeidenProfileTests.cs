using CiteGraph.Graph.Analytics;

namespace CiteGraph.Graph.Tests.Analytics;

/// <summary>The Leiden profile the scale bench reads (bench/Analytics.Bench leiden-scale, issue 22).</summary>
public sealed class LeidenProfileTests
{
    [Fact]
    public void Profiling_leaves_the_partition_unchanged_and_counts_visits_moves_and_phases()
    {
        var g = TestGraphs.Planted(groups: 8, groupSize: 25, seed: 3).ToUndirected();
        var options = new LeidenOptions { Seed = 5 };
        var profile = new LeidenProfile();

        var plain = Leiden.Compute(g, options);
        var profiled = Leiden.ComputeProfiled(g, options, profile);

        Assert.Equal(plain.Communities, profiled.Communities);
        Assert.Equal(1, profile.Runs);
        var top = profile.Levels[0];
        // Every iteration enters level 0 with every node queued once at least; the first iteration moves nodes.
        Assert.InRange(top.Entries, 1, options.Iterations);
        Assert.Equal((long)g.NodeCount * top.Entries, top.Nodes);
        Assert.Equal((long)g.EdgeCount * top.Entries, top.Arcs);
        Assert.True(top.Visits >= top.Nodes, $"{top.Visits} visits for {top.Nodes} nodes");
        Assert.True(top.ArcsScanned >= top.Arcs, $"{top.ArcsScanned} arcs scanned of {top.Arcs}");
        Assert.InRange(top.Moves, 1, top.Visits);
        Assert.True(top.LocalMoving > TimeSpan.Zero);
        // Aggregated levels have fewer nodes than the graph: each is the graph of refined communities.
        Assert.True(profile.Levels.Count > 1);
        foreach (var row in profile.Levels.Skip(1))
        {
            Assert.InRange(row.Nodes, 1, ((long)g.NodeCount * row.Entries) - 1);
        }
    }
}
