using CiteGraph.Graph.Traversal;

namespace CiteGraph.Graph.Tests.Traversal;

public sealed class LineageTests
{
    // A builds on B and C; B on D; D on E; C on D (inferred). F cites A.
    private static readonly Snapshot.GraphSnapshot Graph = TinyGraph.Build("A B C D E F", ["A>B", "A>C", "B>D", "C~D", "D>E", "F>A"]);

    private static string Show(LineageResult r) => string.Join(" ", r.Nodes.Select(n => $"{Graph.N(n.Paper)}{n.Depth}"));

    [Fact]
    public void Ancestors_come_generation_by_generation_up_to_max_depth()
    {
        var result = Lineage.Compute(Graph, Graph.I("A"), LineageDirection.Ancestors, 2, EdgeFilter.All, 100);
        Assert.Equal("B1 C1 D2", Show(result));
        Assert.False(result.Truncated);
        Assert.Equal(["A>B", "A>C", "B>D", "C>D"], result.Edges.Select(e => $"{Graph.N(e.Source)}>{Graph.N(e.Target)}"));
        Assert.Equal("C mentions D", result.Edges.Single(e => e.Kind == EdgeKinds.CitesInferred).Evidence);
    }

    [Fact]
    public void Lineage_stops_at_max_depth()
    {
        Assert.Equal("B1 C1", Show(Lineage.Compute(Graph, Graph.I("A"), LineageDirection.Ancestors, 1, EdgeFilter.All, 100)));
        Assert.Equal("B1 C1 D2 E3", Show(Lineage.Compute(Graph, Graph.I("A"), LineageDirection.Ancestors, 6, EdgeFilter.All, 100)));
    }

    [Fact]
    public void Descendants_follow_citations_backwards()
    {
        Assert.Equal("B1 C1 A2 F3", Show(Lineage.Compute(Graph, Graph.I("D"), LineageDirection.Descendants, 3, EdgeFilter.All, 100)));
    }

    [Fact]
    public void First_truncates_and_says_so()
    {
        var result = Lineage.Compute(Graph, Graph.I("A"), LineageDirection.Ancestors, 3, EdgeFilter.All, 2);
        Assert.Equal("B1 C1", Show(result));
        Assert.True(result.Truncated);
    }

    [Fact]
    public void Inferred_citations_below_the_confidence_floor_or_of_excluded_kind_are_not_followed()
    {
        var descendantsOfD = (EdgeFilter f) => Show(Lineage.Compute(Graph, Graph.I("D"), LineageDirection.Descendants, 1, f, 100));
        Assert.Equal("B1 C1", descendantsOfD(new EdgeFilter(EdgeKinds.Citations, 0.5)));
        Assert.Equal("B1", descendantsOfD(new EdgeFilter(EdgeKinds.Citations, 0.7)));
        Assert.Equal("B1", descendantsOfD(new EdgeFilter(EdgeKinds.Cites)));
        Assert.Equal("C1", descendantsOfD(new EdgeFilter(EdgeKinds.CitesInferred)));
    }
}
