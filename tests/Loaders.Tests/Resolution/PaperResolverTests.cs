using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Resolution;

namespace CiteGraph.Loaders.Tests.Resolution;

public sealed class PaperResolverTests
{
    private static PaperRecord Record(string title, string? published = null, string? arxiv = null, string? doi = null) => new()
    {
        Title = title,
        Abstract = "x",
        Published = published is not null && PartialDate.TryParse(published, out var d) ? d : null,
        ArxivId = arxiv,
        Doi = doi,
        Source = new SourceRef("f.txt", 1, "test"),
    };

    [Fact]
    public void The_same_title_in_other_spelling_resolves_to_one_paper()
    {
        var resolver = new PaperResolver();
        var first = resolver.Resolve(Record("Sparse Lattice Attention: Linear-Time Transformers"));
        var second = resolver.Resolve(Record("Sparse lattice attention -- linear time transformers", "Feb 12, 2024"));
        Assert.True(first.IsNew);
        Assert.Equal((first.PaperId, MatchKind.Title), (second.PaperId, second.MatchedBy));
    }

    [Fact]
    public void The_same_title_in_different_years_is_two_papers()
    {
        var resolver = new PaperResolver();
        var a = resolver.Resolve(Record("Survey of Things", "Jan 1, 2019"));
        var b = resolver.Resolve(Record("Survey of Things", "Jan 1, 2023"));
        Assert.True(b.IsNew);
        Assert.NotEqual(a.PaperId, b.PaperId);
    }

    [Fact]
    public void An_arxiv_id_matches_before_the_title()
    {
        var resolver = new PaperResolver();
        var a = resolver.Resolve(Record("Old Title", arxiv: "2101.00001"));
        var b = resolver.Resolve(Record("Renamed Camera-Ready Title", arxiv: "2101.00001"));
        Assert.Equal((a.PaperId, MatchKind.Arxiv), (b.PaperId, b.MatchedBy));
    }

    [Fact]
    public void Same_title_with_contradicting_arxiv_ids_is_two_papers()
    {
        var resolver = new PaperResolver();
        var a = resolver.Resolve(Record("Introduction", arxiv: "2101.00001"));
        var b = resolver.Resolve(Record("Introduction", arxiv: "2202.00002"));
        Assert.NotEqual(a.PaperId, b.PaperId);
    }

    [Fact]
    public void A_doi_learned_from_one_record_matches_a_later_one()
    {
        var resolver = new PaperResolver();
        var a = resolver.Resolve(Record("Title A", doi: "10.1/x"));
        var b = resolver.Resolve(Record("Totally different wording", doi: "10.1/x"));
        Assert.Equal((a.PaperId, MatchKind.Doi), (b.PaperId, b.MatchedBy));
    }
}
