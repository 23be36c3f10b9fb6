using CiteGraph.Graph.Analytics;

namespace CiteGraph.Graph.Tests.Analytics;

public sealed class DistinctiveTermsTests
{
    /// <summary>Forty papers that all train neural networks; the first ten are about diffusion models, the next ten about RLHF.</summary>
    private static readonly string[] Corpus = [.. Enumerable.Range(0, 40).Select(i => i switch
    {
        < 10 => $"Training neural networks for diffusion models {i}. We train a neural network whose diffusion models denoise images.",
        < 20 => $"Training neural networks with RLHF {i}. Reinforcement learning from human feedback (RLHF) aligns the neural network.",
        _ => $"Training neural networks {i}. We study training of a neural network on benchmark {i % 7}.",
    })];

    [Fact]
    public void A_group_is_described_by_what_sets_it_apart_not_by_what_every_paper_says()
    {
        var terms = new DistinctiveTerms(Corpus);

        var diffusion = terms.Top(Enumerable.Range(0, 10).ToList());

        // Every term only its papers write scores alike (all ten use it, no other paper does), above anything shared.
        var best = diffusion.Where(t => t.Score == diffusion[0].Score).Select(t => t.Term).ToList();
        Assert.Contains("diffusion models", best);
        Assert.Contains("diffusion", best);
        Assert.DoesNotContain(diffusion, t => t.Term is "neural" or "training" or "neural networks");
    }

    [Fact]
    public void Texts_added_one_at_a_time_rank_every_group_as_the_texts_given_at_once()
    {
        var whole = new DistinctiveTerms(Corpus);
        var streamed = new DistinctiveTerms(Corpus.Length + 1);
        for (var node = 0; node < Corpus.Length; node++)
        {
            streamed.Add(node, Corpus[node]);
        }

        streamed.Add(Corpus.Length, null);

        Assert.Equal(whole.Documents, streamed.Documents);
        foreach (var group in new[] { Enumerable.Range(0, 10), Enumerable.Range(10, 10), Enumerable.Range(5, 30), [3], Enumerable.Range(0, 40) })
        {
            Assert.Equal(whole.Top([.. group]), streamed.Top([.. group]));
        }

        Assert.Empty(streamed.Top([Corpus.Length]));
        Assert.Throws<ArgumentException>(() => new DistinctiveTerms(3).Add(1, "out of order"));
    }

    [Fact]
    public void An_acronym_is_shown_as_its_papers_write_it()
    {
        var terms = new DistinctiveTerms(Corpus);

        var rlhf = terms.Top(Enumerable.Range(10, 10).ToList());

        Assert.Contains(rlhf, t => t.Term == "RLHF");
    }

    [Fact]
    public void Labels_of_one_level_lead_with_different_terms_and_skip_a_word_already_said()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        (string, double)[] first = [("agents", 0.9), ("agent", 0.8), ("tool use", 0.5), ("planning", 0.4)];
        (string, double)[] second = [("agent", 0.9), ("web navigation", 0.7), ("planning", 0.3)];

        var (label1, lead1) = DistinctiveTerms.Compose(first, used);
        used.Add(lead1!);
        var (label2, _) = DistinctiveTerms.Compose(second, used);

        Assert.Equal("agents · tool use · planning", label1);
        Assert.Equal("web navigation · agent · planning", label2);
    }
}
