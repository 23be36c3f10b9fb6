using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Tests.Model;

public sealed class IdentifiersTests
{
    [Theory]
    [InlineData("2101.00001v2", "2101.00001")]
    [InlineData("arXiv:2001.08361", "2001.08361")]
    [InlineData("https://arxiv.org/abs/2305.18290v3", "2305.18290")]
    [InlineData("https://arxiv.org/pdf/2305.18290.pdf", "2305.18290")]
    [InlineData("hep-th/9901001", "hep-th/9901001")]
    [InlineData("math.GT/0309136v1", "math.gt/0309136")]
    public void Normalizes_arxiv_ids(string text, string expected) => Assert.Equal(expected, Identifiers.NormalizeArxiv(text));

    [Theory]
    [InlineData("not an id")]
    [InlineData("")]
    [InlineData("12345")]
    public void Rejects_what_is_not_an_arxiv_id(string text) => Assert.Null(Identifiers.NormalizeArxiv(text));

    [Theory]
    [InlineData("https://doi.org/10.1016/J.CHAOS.2007.06.062", "10.1016/j.chaos.2007.06.062")]
    [InlineData("doi:10.1145/3292500.3330701", "10.1145/3292500.3330701")]
    [InlineData("10.1016/j.chaos.2007.06.062).", "10.1016/j.chaos.2007.06.062")]
    public void Normalizes_dois(string text, string expected) => Assert.Equal(expected, Identifiers.NormalizeDoi(text));

    [Theory]
    [InlineData("Light Schr\\\"odinger Bridge", "Light Schrödinger Bridge")]
    [InlineData("Sparse lattice attention: linear-time transformers", "Sparse Lattice Attention -- Linear Time Transformers")]
    [InlineData("Predicting Users' Value Changes", "predicting users value changes")]
    public void Title_keys_ignore_case_punctuation_latex_and_accents(string a, string b) =>
        Assert.Equal(Identifiers.TitleKey(a), Identifiers.TitleKey(b));

    [Fact]
    public void Title_keys_keep_different_titles_apart() =>
        Assert.NotEqual(Identifiers.TitleKey("Scaling Laws, Part I"), Identifiers.TitleKey("Scaling Laws, Part II"));

    [Fact]
    public void Paper_ids_are_stable_and_shaped()
    {
        var id = PaperId.For(null, null, "light schrodinger bridge");
        Assert.Equal(id, PaperId.For(null, null, "light schrodinger bridge"));
        Assert.True(PaperId.IsPaperId(id));
        Assert.NotEqual(id, PaperId.For("2101.00001", null, "light schrodinger bridge"));
        Assert.False(PaperId.IsPaperId("2101.00001"));
    }

    // Plain ASCII titles take a short path; a trailing non-ASCII separator (which adds nothing to a key) sends the same
    // title through the general one (LaTeX, Unicode decomposition), so the two must agree.
    [Theory]
    [InlineData("Attention Is All You Need")]
    [InlineData("  Users' Guide -- to   GNNs: (2nd ed.)  ")]
    [InlineData("BERT's 12-layer model_v2 & co.")]
    [InlineData("x")]
    [InlineData("...")]
    [InlineData("")]
    public void TitleKey_AsciiTitle_EqualsTheGeneralPath(string title) =>
        Assert.Equal(Identifiers.TitleKey(title + "\u2003"), Identifiers.TitleKey(title));

    [Fact]
    public void TitleKey_LongTitle_KeepsEveryWord()
    {
        var title = string.Join(" ", Enumerable.Range(0, 300).Select(i => $"Word{i}"));

        Assert.Equal(title.ToLowerInvariant(), Identifiers.TitleKey(title));
        Assert.Equal(title.ToLowerInvariant() + "e", Identifiers.TitleKey(title + "\u00e9"));
    }
}
