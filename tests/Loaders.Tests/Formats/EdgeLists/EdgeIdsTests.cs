using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Formats.EdgeLists;
using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Tests.Formats.EdgeLists;

public class EdgeIdsTests
{
    [Theory]
    [InlineData("2106.09685", "2106.09685")]
    [InlineData("2106.09685v2", "2106.09685")]
    [InlineData("arXiv:2106.09685v12", "2106.09685")]
    [InlineData("https://arxiv.org/abs/2106.09685", "2106.09685")]
    [InlineData("0704.0001", "0704.0001")]
    [InlineData("hep-th/9901001", "hep-th/9901001")]
    [InlineData("HEP-TH/9901001v3", "hep-th/9901001")]
    [InlineData("math.AG/0101001", "math.ag/0101001")]
    public void Arxiv_NewAndOldStyleWithPrefixOrVersion_NormalizesAsTheResolverDoes(string token, string expected)
    {
        Assert.Equal(new ExternalId(ExternalIdKind.Arxiv, expected), EdgeIds.Arxiv(token));
        Assert.Equal(expected, Identifiers.NormalizeArxiv(token));
    }

    [Theory]
    [InlineData("10.48550/arXiv.2106.09685")]
    [InlineData("9907233")]
    [InlineData("node-2106.09685")]
    [InlineData("2106.096")]
    public void Arxiv_TokenOnlyEndingInAnArxivIdOrNoneAtAll_IsNotOne(string token) => Assert.Null(EdgeIds.Arxiv(token));

    [Theory]
    [InlineData("10.5555/Refs.Alpha", "10.5555/refs.alpha")]
    [InlineData("doi:10.5555/refs.alpha", "10.5555/refs.alpha")]
    [InlineData("DOI:10.5555/REFS.ALPHA", "10.5555/refs.alpha")]
    [InlineData("https://doi.org/10.5555/refs.alpha", "10.5555/refs.alpha")]
    [InlineData("http://dx.doi.org/10.1016/0370-2693(85)91181-5", "10.1016/0370-2693(85)91181-5")]
    [InlineData("10.48550/arXiv.2106.09685", "10.48550/arxiv.2106.09685")]
    public void Doi_PrefixedOrNot_NormalizesAsTheResolverDoes(string token, string expected)
    {
        Assert.Equal(new ExternalId(ExternalIdKind.Doi, expected), EdgeIds.Doi(token));
        Assert.Equal(expected, Identifiers.NormalizeDoi(token));
    }

    [Theory]
    [InlineData("2106.09685")]
    [InlineData("see10.5555/x")]
    [InlineData("10.55/too-short-prefix")]
    public void Doi_NotADoiAsAWhole_IsNotOne(string token) => Assert.Null(EdgeIds.Doi(token));

    [Fact]
    public void Detect_EveryIdAnArxivId_ReadsArxivIds()
    {
        var (kind, note) = EdgeIds.Detect([(1, "2106.09685", "hep-th/9901001"), (2, "arXiv:2106.09685v2", "1502.03167")]);

        Assert.Equal(EdgeIdKind.Arxiv, kind);
        Assert.Contains("arXiv ids", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_EveryIdADoi_ReadsDois() =>
        Assert.Equal(EdgeIdKind.Doi, EdgeIds.Detect([(3, "10.5555/a", "doi:10.5555/b")]).Kind);

    [Fact]
    public void Detect_NumericNodeIds_ReadsPlainIdsWithoutANote()
    {
        var (kind, note) = EdgeIds.Detect([(1, "9907233", "9301253"), (2, "35", "1033")]);

        Assert.Equal(EdgeIdKind.Plain, kind);
        Assert.Null(note);
    }

    [Fact]
    public void Detect_ArxivIdsWithOnePlainId_FallsBackToPlainNamingTheLineAndTheOption()
    {
        var (kind, note) = EdgeIds.Detect([(1, "2106.09685", "1502.03167"), (7, "2106.09685", "node7")]);

        Assert.Equal(EdgeIdKind.Plain, kind);
        Assert.Contains("line 7: 'node7' is neither an arXiv id nor a DOI", note, StringComparison.Ordinal);
        Assert.Contains("--id-kind arxiv", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_ArxivIdsAndDoisMixed_FallsBackToPlainSayingSo()
    {
        var (kind, note) = EdgeIds.Detect([(1, "2106.09685", "1502.03167"), (2, "10.5555/a", "10.5555/b")]);

        Assert.Equal(EdgeIdKind.Plain, kind);
        Assert.Contains("mixed", note, StringComparison.Ordinal);
    }
}
