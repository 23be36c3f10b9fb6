using CiteGraph.Graph.Analytics;
using FsCheck.Xunit;

namespace CiteGraph.Graph.Tests.Analytics;

/// <summary>FsCheck properties: every kernel agrees with its slow reference on arbitrary small multigraphs.</summary>
public sealed class AnalyticsPropertyTests
{
    [Property(MaxTest = 100)]
    public bool Gds_PageRank_equals_the_reference_loop(byte nodes, (byte From, byte To)[] arcs) =>
        Close(Reference.GdsPageRank(Build(nodes, arcs)), PageRank.Compute(Build(nodes, arcs)).Scores, 1e-9);

    [Property(MaxTest = 100)]
    public bool Normalized_PageRank_equals_power_iteration_and_sums_to_one(byte nodes, (byte From, byte To)[] arcs)
    {
        var g = Build(nodes, arcs);
        var scores = PageRank.Compute(g, PageRankOptions.Normalized).Scores;
        return Close(Reference.NormalizedPageRank(g), scores, 1e-6) && Math.Abs(scores.Sum() - 1) < 1e-9;
    }

    [Property(MaxTest = 100)]
    public bool Betweenness_equals_path_counting_directed_and_undirected(byte nodes, (byte From, byte To)[] arcs)
    {
        var g = Build(nodes, arcs, simple: true);
        var u = g.ToUndirected();
        return Close(Reference.Betweenness(g), Betweenness.Compute(g), 1e-9) && Close(Reference.Betweenness(u), Betweenness.Compute(u), 1e-9);
    }

    [Property(MaxTest = 100)]
    public bool Coreness_equals_naive_peeling(byte nodes, (byte From, byte To)[] arcs)
    {
        var g = Build(nodes, arcs);
        return Reference.Coreness(g).AsSpan().SequenceEqual(KCore.Compute(g));
    }

    [Property(MaxTest = 100)]
    public bool Strong_components_refine_weak_components(byte nodes, (byte From, byte To)[] arcs)
    {
        var g = Build(nodes, arcs);
        var weak = WeaklyConnectedComponents.Compute(g).Membership;
        var strong = StronglyConnectedComponents.Compute(g).Membership;
        // Same strong component => same weak component, and every arc stays inside one weak component.
        var weakOfStrong = new Dictionary<int, int>();
        return Enumerable.Range(0, g.NodeCount).All(v => weakOfStrong.TryAdd(strong[v], weak[v]) || weakOfStrong[strong[v]] == weak[v])
            && TestGraphs.Arcs(g).All(a => weak[a.From] == weak[a.To]);
    }

    [Property(MaxTest = 100)]
    public bool Leiden_reports_the_modularity_of_its_partition(byte nodes, (byte From, byte To)[] arcs)
    {
        var g = Build(nodes, arcs);
        var result = Leiden.Compute(g);
        return result.Communities.Length == g.NodeCount
            && Math.Abs(Reference.Modularity(g, result.Communities) - result.Modularity) < 1e-9
            || TestGraphs.Arcs(g).All(a => a.From == a.To);
    }

    private static CsrGraph Build(byte nodes, (byte From, byte To)[] arcs, bool simple = false)
    {
        int n = nodes % 24 + 1;
        var pairs = (arcs ?? []).Select(a => (a.From % n, a.To % n));
        if (simple)
        {
            pairs = pairs.Where(p => p.Item1 != p.Item2).Distinct();
        }

        return TestGraphs.FromPairs(n, pairs.ToList());
    }

    private static bool Close(double[] expected, double[] actual, double relative) =>
        expected.Zip(actual).All(p => Math.Abs(p.First - p.Second) <= relative * Math.Max(1, Math.Abs(p.First)));
}
