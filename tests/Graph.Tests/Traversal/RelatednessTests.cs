using CiteGraph.Graph.Traversal;

namespace CiteGraph.Graph.Tests.Traversal;

public sealed class RelatednessTests
{
    // X and Y cite both P and Q (Q co-cited with P twice, R once); P and S both cite T and U (coupling 2);
    // P and W share a repository; Z is unconnected.
    private static readonly Snapshot.GraphSnapshot Graph = TinyGraph.Build(
        "P Q R S T U W X Y Z",
        ["X>P", "X>Q", "Y>P", "Y>Q", "Y>R", "P>T", "P>U", "S>T", "S>U"],
        repos: [("https://github.com/o/r", ["P", "W"])]);

    [Fact]
    public void Co_citation_counts_the_papers_citing_both()
    {
        var related = Relatedness.Compute(Graph, Graph.I("P"), RelatedBy.CoCitation, 10);
        Assert.Equal(["Q", "R"], related.Select(r => Graph.N(r.Paper)));
        Assert.Equal([2.0, 1.0], related.Select(r => r.Reasons.Single().Value));
        Assert.Equal(1.0, related[0].Score);
        Assert.Contains("2 papers", related[0].Reasons[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Bibliographic_coupling_counts_shared_references()
    {
        var related = Relatedness.Compute(Graph, Graph.I("P"), RelatedBy.BibliographicCoupling, 10);
        var s = Assert.Single(related);
        Assert.Equal(("S", 2.0), (Graph.N(s.Paper), s.Reasons.Single().Value));
    }

    [Fact]
    public void Shared_repositories_name_the_repository()
    {
        var w = Assert.Single(Relatedness.Compute(Graph, Graph.I("P"), RelatedBy.SharedRepo, 10));
        Assert.Equal("W", Graph.N(w.Paper));
        Assert.Contains("https://github.com/o/r", w.Reasons.Single().Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void All_measures_combine_with_every_reason_kept_and_unconnected_papers_left_out()
    {
        var related = Relatedness.Compute(Graph, Graph.I("P"), RelatedBy.All, 20);
        Assert.DoesNotContain(related, r => Graph.N(r.Paper) is "Z" or "P");
        Assert.Equal(related.Select(r => r.Score).OrderDescending(), related.Select(r => r.Score));
        var q = related.Single(r => Graph.N(r.Paper) == "Q");
        Assert.Contains(q.Reasons, r => r.Kind == RelatedBy.CoCitation);
        Assert.Contains(q.Reasons, r => r.Kind == RelatedBy.PersonalizedPageRank);
        Assert.Equal(q.Reasons.Count, q.Reasons.Select(r => r.Kind).Distinct().Count());
    }

    [Fact]
    public void Personalized_push_mass_stays_a_probability_and_favours_near_papers()
    {
        var mass = PersonalizedPush.Compute(Graph, Graph.I("P"));
        Assert.InRange(mass.Values.Sum(), 0.5, 1.0);
        Assert.True(mass[Graph.I("P")] > mass[Graph.I("Q")]);
        Assert.False(mass.ContainsKey(Graph.I("Z")));
    }
}
