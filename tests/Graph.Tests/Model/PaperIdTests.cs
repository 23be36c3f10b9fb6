using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Tests.Model;

public class PaperIdTests
{
    [Fact]
    public void ForExternal_ArxivAndDoi_EqualTheIdOfAPaperFirstKnownByThem()
    {
        Assert.Equal(PaperId.For("2501.00001", null, "x"), PaperId.ForExternal(new ExternalId(ExternalIdKind.Arxiv, "2501.00001")));
        Assert.Equal(PaperId.For(null, "10.1/x", "x"), PaperId.ForExternal(new ExternalId(ExternalIdKind.Doi, "10.1/x")));
    }

    [Fact]
    public void ForExternal_OtherKinds_AreDistinctPerKindAndValid()
    {
        var openAlex = PaperId.ForExternal(new ExternalId(ExternalIdKind.OpenAlex, "1"));
        var edge = PaperId.ForExternal(new ExternalId(ExternalIdKind.EdgeList, "1"));

        Assert.NotEqual(openAlex, edge);
        Assert.True(PaperId.IsPaperId(openAlex));
    }
}
