using CiteGraph.Loaders.Lineage;

namespace CiteGraph.Loaders.Tests.Lineage;

public sealed class AcronymAgreementTests
{
    [Fact]
    public void A_text_spelling_the_initials_out_as_something_else_disagrees_even_without_parentheses()
    {
        const string koopman = "Deep Embedded Multiplicative DMD for Koopman Learning. We introduce Deep Embedded Multiplicative Dynamic Mode Decomposition (DeepMDMD).";

        Assert.Equal(Agreement.Disagrees, AcronymAgreement.Check(koopman, "DMD", "distribution matching distillation"));
    }

    [Fact]
    public void A_text_holding_the_expansion_agrees_whatever_its_spelling_and_hyphenation()
    {
        const string text = "We distill the model with distribution-matching distillations and DMD2.";

        Assert.Equal(Agreement.Agrees, AcronymAgreement.Check(text, "DMD", "Distribution Matching Distillation"));
    }

    [Fact]
    public void A_text_that_never_says_what_the_acronym_means_is_silent()
    {
        Assert.Equal(Agreement.Silent, AcronymAgreement.Check("Routes each token to DCT spectral mixing or attention.", "DCT", "distribution-conditioned transport"));
        Assert.Equal(Agreement.Silent, AcronymAgreement.Check("Robust learning with RL.", "RL", "reinforcement learning"));
    }
}
