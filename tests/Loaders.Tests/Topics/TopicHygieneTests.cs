using CiteGraph.Loaders.Topics;

namespace CiteGraph.Loaders.Tests.Topics;

/// <summary>Topic hygiene (issue 19): noun phrases only, curated stop lists, clean names and aliases, honest acronym aliases.</summary>
public sealed class TopicHygieneTests
{
    private static string[] Keys(string title, string abstractText, params string[] keywords) =>
        TopicExtractor.Extract(title, abstractText, keywords).Candidates.Select(c => c.Surface).ToArray();

    [Fact]
    public void Verb_adjective_and_evaluative_phrases_are_no_key_phrases()
    {
        var phrases = Keys(
            "Reward shaping for agents",
            "Language models employing chain-of-thought prompting show limited benefits and give incorrect answers on graph coloring; " +
            "training data quality matters, and SOTA methods remain computationally expensive.",
            "SOTA", "training data", "graph coloring");

        Assert.DoesNotContain(phrases, p => p.Contains("employing", StringComparison.Ordinal));
        Assert.DoesNotContain("limited benefits", phrases);
        Assert.DoesNotContain("incorrect answers", phrases);
        Assert.DoesNotContain(phrases, p => p.Equals("training data", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(phrases, p => p.Contains("SOTA", StringComparison.Ordinal));
        Assert.DoesNotContain(phrases, p => p.EndsWith("expensive", StringComparison.Ordinal));
        // The noun phrases around them stay.
        Assert.True(phrases.Contains("language models"), string.Join(" | ", phrases));
        Assert.Contains("chain-of-thought prompting", phrases);
        Assert.Contains("graph coloring", phrases);
        Assert.Contains("reward shaping", phrases, StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("reinforcement learning", true)]
    [InlineData("speculative decoding", true)]
    [InlineData("latent diffusion models", true)]
    [InlineData("models employing", false)]
    [InlineData("models trained", false)]
    [InlineData("model performance", false)]
    [InlineData("training data", false)]
    [InlineData("computationally expensive", false)]
    [InlineData("enhancing image quality", true)]
    public void A_phrase_is_kept_only_as_a_noun_phrase_naming_something(string phrase, bool kept)
    {
        var trimmed = NounPhrase.Trim(phrase.Split(' '));
        Assert.Equal(kept, trimmed is not null);
        if (phrase == "enhancing image quality")
        {
            // The leading verb goes; what is left is the noun phrase.
            Assert.Equal(["image", "quality"], trimmed);
        }
    }

    [Fact]
    public void The_curated_lists_load_from_the_embedded_data_files()
    {
        Assert.True(NounPhrase.IsStopPhrase("Training-Data"));
        Assert.Contains("limited", (IReadOnlySet<string>)TopicLexicon.Evaluative);
        Assert.Contains("learning", (IReadOnlySet<string>)TopicLexicon.NominalGerunds);
        Assert.Contains("SOTA", (IReadOnlySet<string>)TopicLexicon.StopAcronyms);
        Assert.Contains("model", (IReadOnlySet<string>)TopicLexicon.GenericNouns);
        Assert.DoesNotContain(TopicLexicon.Evaluative, w => w.StartsWith('#') || w.Length == 0);
    }

    [Theory]
    [InlineData("large language models~", "large language models")]
    [InlineData("Direct Preference Optimization's", "Direct Preference Optimization")]
    [InlineData("agents'", "agents")]
    [InlineData("{LLM}s.", "LLM s")]
    [InlineData("  vision-language models, ", "vision-language models")]
    [InlineData("$\\alpha$-divergence", "alpha -divergence")]
    public void Names_lose_LaTeX_leftovers_possessives_and_trailing_punctuation(string raw, string clean) =>
        Assert.Equal(clean, SurfaceText.Clean(raw));

    [Fact]
    public void No_topic_or_alias_keeps_a_tilde_a_possessive_or_trailing_punctuation()
    {
        var corpus = new TopicCorpus();
        corpus.Add("P0", TopicExtractor.Extract("Compressing LLMs", "We compress large language models~(LLMs) for phones.", []));
        corpus.Add("P1", TopicExtractor.Extract("DPO bias", "Direct Preference Optimization's (DPO) reward estimate is biased; large language models~(LLMs) too.", []));
        corpus.Add("P2", TopicExtractor.Extract("More DPO", "We study direct preference optimization (DPO) in large language models.", []));
        var graph = corpus.Build();

        var names = graph.Topics.SelectMany(t => t.Aliases.Prepend(t.Name)).ToList();
        Assert.DoesNotContain(names, n => n.Contains('~', StringComparison.Ordinal) || n.Contains("'s", StringComparison.Ordinal) || char.IsPunctuation(n[^1]));
        Assert.Contains("DPO", Assert.Single(graph.Topics, t => t.Name == "direct preference optimization").Aliases);
        Assert.Contains("LLM", Assert.Single(graph.Topics, t => t.Name == "large language models").Aliases);
    }

    [Theory]
    [InlineData("DPO", "direct preference optimization", true)]
    [InlineData("VAE", "variational autoencoder", true)]
    [InlineData("BERT", "bidirectional encoder representations from transformers", true)]
    [InlineData("GPT", "generative pre-trained transformer", true)]
    [InlineData("3DGS", "3D gaussian splatting", true)]
    [InlineData("ViT", "vision transformer", true)]
    [InlineData("SLA", "attention over lattices", false)]
    [InlineData("DPO", "preference optimization", false)]
    [InlineData("rDPO", "robust DPO", true)]
    [InlineData("MoE", "mixture of experts", true)]
    public void An_acronym_must_spell_its_expansions_initials(string acronym, string expansion, bool matches) =>
        Assert.Equal(matches, AcronymAlias.InitialsMatch(acronym, expansion));

    [Fact]
    public void A_coined_short_form_one_paper_gives_a_common_concept_is_no_alias_of_it()
    {
        // "video generation (ViGen)" in one of many video-generation papers: not a name the field uses.
        Assert.False(AcronymAlias.Allowed("ViGen", "video generation", definingPapers: 1, topicPapers: 300));
        // Defined alike by several papers, a coined form is a name of the topic; so is one naming the coining paper's own topic.
        Assert.True(AcronymAlias.Allowed("ViT", "vision transformer", definingPapers: 6, topicPapers: 40));
        Assert.True(AcronymAlias.Allowed("ViGen", "video generation", definingPapers: 1, topicPapers: 1));
        // All-capital acronyms need only the initials.
        Assert.True(AcronymAlias.Allowed("DPO", "direct preference optimization", definingPapers: 1, topicPapers: 50));
        Assert.False(AcronymAlias.Allowed("SOTA", "state of the art", definingPapers: 9, topicPapers: 9));

        var corpus = new TopicCorpus();
        corpus.Add("P0", TopicExtractor.Extract("Audio", "Adjacent fields, most notably video generation (ViGen), scaled up.", []));
        corpus.Add("P1", TopicExtractor.Extract("Clips", "Video generation with long clips.", []));
        corpus.Add("P2", TopicExtractor.Extract("Motion", "Controllable video generation from motion.", []));
        var topic = Assert.Single(corpus.Build().Topics, t => t.Name == "video generation");
        Assert.DoesNotContain("ViGen", topic.Aliases);
    }
}
