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

    // Canonical OpenAlex ids are indexed by their number; forms that are not canonical keep their own keys, so "W0123",
    // "W123" and a non-OpenAlex id "123" stay three works, each found again by its own id.
    [Fact]
    public void Resolve_OpenAlexIdsThatShareANumber_StayDistinctAndAreFoundAgain()
    {
        var resolver = new PaperResolver();
        var leadingZero = new ExternalId(ExternalIdKind.OpenAlex, "W0123");
        var canonical = new ExternalId(ExternalIdKind.OpenAlex, "W123");
        var edge = new ExternalId(ExternalIdKind.EdgeList, "123");
        var huge = new ExternalId(ExternalIdKind.OpenAlex, "W" + new string('9', 30));

        var a = resolver.Resolve(Work("First work", leadingZero));
        var b = resolver.Resolve(Work("Second work", canonical));
        var c = resolver.Resolve(Work("Third work", edge));
        var d = resolver.Resolve(Work("Fourth work", huge));

        Assert.True(a.IsNew && b.IsNew && c.IsNew && d.IsNew);
        Assert.Equal(4, new[] { a.PaperId, b.PaperId, c.PaperId, d.PaperId }.Distinct().Count());
        Assert.Equal((a.PaperId, MatchKind.External), Again(resolver, leadingZero));
        Assert.Equal((b.PaperId, MatchKind.External), Again(resolver, canonical));
        Assert.Equal((c.PaperId, MatchKind.External), Again(resolver, edge));
        Assert.Equal((d.PaperId, MatchKind.External), Again(resolver, huge));
        // A reference to each known id makes no stub.
        Assert.Equal(4, resolver.Count);
        resolver.Resolve(Work("Citing", W(7), null, leadingZero, canonical, edge, huge));
        Assert.Equal(5, resolver.Count);
    }

    private static (string PaperId, MatchKind MatchedBy) Again(PaperResolver resolver, ExternalId id)
    {
        var again = resolver.Resolve(Work("Another title entirely " + id.Value, id));
        return (again.PaperId, again.MatchedBy);
    }
}
