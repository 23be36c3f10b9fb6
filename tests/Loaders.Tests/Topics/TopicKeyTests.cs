using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Topics;

namespace CiteGraph.Loaders.Tests.Topics;

public sealed class TopicKeyTests
{
    [Theory]
    [InlineData("optimisation", "optimization")]
    [InlineData("Generalisation Error", "generalization errors")]
    [InlineData("behaviour cloning", "Behavior Cloning")]
    [InlineData("modelling", "modeling")]
    [InlineData("labelled data", "labeled data")]
    [InlineData("pre-training", "pretraining")]
    [InlineData("pre training", "Pre-Training")]
    [InlineData("state-space models", "State Space Model")]
    [InlineData("large language models", "Large Language Model")]
    [InlineData("strategies", "strategy")]
    [InlineData("Schr\\\"odinger bridges", "Schrödinger Bridge")]
    [InlineData("neural processes", "neural process")]
    [InlineData("centre", "center")]
    public void Of_variants_share_one_key(string a, string b) => Assert.Equal(TopicKey.Of(a), TopicKey.Of(b));

    [Theory]
    [InlineData("graph analysis", "graph analyses")]
    [InlineData("markov decision process", "Markov decision processes")]
    public void Of_keeps_singular_nouns_ending_in_s(string singular, string plural) => Assert.Equal(TopicKey.Of(singular), TopicKey.Of(plural));

    [Theory]
    [InlineData("sparse attention", "dense attention")]
    [InlineData("robust DPO", "DPO")]
    public void Of_different_names_differ(string a, string b) => Assert.NotEqual(TopicKey.Of(a), TopicKey.Of(b));

    [Theory]
    [InlineData("LLMs", "LLM")]
    [InlineData("MDPs", "MDP")]
    [InlineData("DPO", "DPO")]
    [InlineData("GPT-4", "GPT-4")]
    public void AcronymSingular_drops_a_plural_s(string acronym, string expected) => Assert.Equal(expected, TopicKey.AcronymSingular(acronym));
}
