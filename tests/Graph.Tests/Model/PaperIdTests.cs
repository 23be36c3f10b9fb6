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

    // The ids are stored: these are the SHA-256 prefixes Python's hashlib gives for the same keys, so a faster way of
    // computing them cannot drift (long keys, non-ASCII text and a lone surrogate, which UTF-8 writes as U+FFFD).
    [Theory]
    [InlineData(null, null, "light schrodinger bridge", "P887ea1f3938a3a9b")]
    [InlineData(null, "10.1/x", "ignored", "Pe08c464a2b8f6d63")]
    [InlineData("2501.00001", "10.1/x", "ignored", "P0eed5a521cab5abc")]
    [InlineData(null, null, "schr\u00f6dinger \u6771\u4eac", "Pe9f98ac6d7e5779e")]
    public void For_GivesTheStoredSha256Prefix(string? arxiv, string? doi, string titleKey, string expected) =>
        Assert.Equal(expected, PaperId.For(arxiv, doi, titleKey));

    [Fact]
    public void For_LoneSurrogate_HashesItAsTheReplacementCharacter() =>
        Assert.Equal("Pa2e037edf5aaa0b9", PaperId.For(null, null, "a\ud800b"));

    [Fact]
    public void For_KeyLongerThanTheStackBuffer_GivesTheStoredSha256Prefix() =>
        Assert.Equal("P41f25e02b4215f94", PaperId.For(null, null, new string('a', 2000)));

    [Fact]
    public void ForExternal_OpenAlex_GivesTheStoredSha256Prefix() =>
        Assert.Equal("P08cb4295a5617a61", PaperId.ForExternal(new ExternalId(ExternalIdKind.OpenAlex, "W4000000001")));
}
