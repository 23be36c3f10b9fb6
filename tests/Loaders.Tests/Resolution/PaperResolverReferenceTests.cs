using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Resolution;

namespace CiteGraph.Loaders.Tests.Resolution;

public sealed class PaperResolverReferenceTests
{
    private static ExternalId W(int n) => new(ExternalIdKind.OpenAlex, $"W{n}");

    private static PaperRecord Work(string title, ExternalId? id = null, string? arxiv = null, params ExternalId[] references) => new()
    {
        Title = title,
        ArxivId = arxiv,
        Published = new PartialDate(2024, null, null),
        ExternalIds = id is null ? [] : [id],
        References = references,
        Source = new SourceRef("t.jsonl", 1, "openalex"),
    };

    [Fact]
    public void Resolve_SameTitleDifferentOpenAlexIds_AreTwoPapers()
    {
        var resolver = new PaperResolver();

        var a = resolver.Resolve(Work("Research in Natural Language Processing", W(1)));
        var b = resolver.Resolve(Work("Research in Natural Language Processing", W(2)));

        Assert.NotEqual(a.PaperId, b.PaperId);
        Assert.True(b.IsNew);
    }

    [Fact]
    public void Resolve_RecordForAReferencedId_TakesTheStubIdAndCountsAsNew()
    {
        var resolver = new PaperResolver();
        resolver.Resolve(Work("Citing", W(1), null, W(2)));

        var cited = resolver.Resolve(Work("Cited", W(2)));

        Assert.Equal(PaperId.ForExternal(W(2)), cited.PaperId);
        Assert.True(cited.IsNew);
    }

    [Fact]
    public void Resolve_StubByIdButRealPaperByTitle_RealPaperWinsAndKeepsTheId()
    {
        var resolver = new PaperResolver();
        var listing = resolver.Resolve(Work("The Cited Work"));
        resolver.Resolve(Work("Citing", W(1), null, W(2)));

        var cited = resolver.Resolve(Work("The Cited Work", W(2)));
        var again = resolver.Resolve(Work("A Later Source With Another Title", W(2)));

        Assert.Equal(listing.PaperId, cited.PaperId);
        Assert.Equal(MatchKind.Title, cited.MatchedBy);
        Assert.Equal(listing.PaperId, again.PaperId);
    }

    [Fact]
    public void Resolve_ReferenceByArxivId_MatchesTheArrivingArxivRecord()
    {
        var resolver = new PaperResolver();
        resolver.Resolve(Work("Citing", W(1), null, new ExternalId(ExternalIdKind.Arxiv, "2301.00002")));

        var cited = resolver.Resolve(Work("Cited", null, "2301.00002"));

        Assert.Equal(PaperId.For("2301.00002", null, ""), cited.PaperId);
    }

    [Fact]
    public void Resolve_StubsAreNeverMatchedByTitle()
    {
        var resolver = new PaperResolver();
        resolver.Resolve(Work("Citing", W(1), null, W(2)));

        var other = resolver.Resolve(Work("OpenAlex W2"));

        Assert.NotEqual(PaperId.ForExternal(W(2)), other.PaperId);
    }
}
