using CiteGraph.Loaders.Topics;

namespace CiteGraph.Loaders.Tests.Topics;

public sealed class AcronymFinderTests
{
    [Theory]
    [InlineData("We align models with direct preference optimization (DPO) on chat data.", "DPO", "direct preference optimization")]
    [InlineData("We align models with DPO (direct preference optimization) on chat data.", "DPO", "direct preference optimization")]
    [InlineData("We propose robust DPO (rDPO), which reweights pairs.", "rDPO", "robust DPO")]
    [InlineData("learning linear mixture Markov decision processes (MDPs), where", "MDP", "Markov decision processes")]
    [InlineData("The Multi-Agent Network Selection Algorithm (MANSA) selects", "MANSA", "Multi-Agent Network Selection Algorithm")]
    [InlineData("Building on sparse lattice attention (SLA), we model the atmosphere", "SLA", "sparse lattice attention")]
    public void Find_recognises_a_definition_in_either_direction(string text, string acronym, string expansion)
    {
        var d = Assert.Single(AcronymFinder.Find(text));
        Assert.Equal((acronym, expansion), (d.Acronym, d.Expansion));
    }

    [Theory]
    [InlineData("We introduce sparse lattice attention (SLA), an attention mechanism", true)]
    [InlineData("we propose a novel framework called reparameterized absorbing discrete diffusion (RADD)", true)]
    [InlineData("Building on sparse lattice attention (SLA), we model", false)]
    [InlineData("Model-based reinforcement learning (MBRL) is a sample efficient technique", false)]
    public void Find_tells_coining_from_spelling_out(string text, bool introduced) =>
        Assert.Equal(introduced, Assert.Single(AcronymFinder.Find(text)).Introduced);

    [Theory]
    [InlineData("two phases: (1) in the exploration phase (i) and (ii) the planning phase")]
    [InlineData("classical measures (e.g. VC dimension) do not explain it")]
    [InlineData("the state-of-the-art (SOTA) results")]
    [InlineData("dense attention (SLA) is cheap")]
    public void Find_ignores_parentheses_that_define_nothing(string text) => Assert.Empty(AcronymFinder.Find(text));

    [Fact]
    public void CoinedNames_finds_names_a_paper_coins_without_spelling_them_out()
    {
        var names = AcronymFinder.CoinedNames("We ablate these choices. Our final model S4D is a simple diagonal version of S4.");
        Assert.Equal("S4D", Assert.Single(names).Name);
        Assert.Empty(AcronymFinder.CoinedNames("We propose a simple method that works."));
    }
}
