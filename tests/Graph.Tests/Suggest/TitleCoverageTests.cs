using CiteGraph.Graph.Suggest;

namespace CiteGraph.Graph.Tests.Suggest;

public sealed class TitleCoverageTests
{
    private static readonly TermIndex Terms = TermIndex.Build(
    [.. new (string, string?)?[]
    {
        // 0: the cited paper, known by its name.
        ("Frobnic normalization: accelerating quorvex training", "We reduce internal drift of activations by normalizing each layer's inputs over the minibatch."),
        // 1: names it in passing, otherwise about something else.
        ("Planning marbles with spline agents", "Our spline agents are trained with frobnic normalization and reach the goal in fewer steps."),
        // 2: about the same subject, never naming it.
        ("Why activations drift", "Internal drift of activations slows training of deep networks; we measure it layer by layer over the minibatch."),
        // 3 and 4: unrelated, so that the name's words are rare.
        ("Tidal records of the northern coast", "Sea level gauges recorded tides for a century."),
        ("Quorvex crystals under pressure", "We grow crystals and press them."),
        // 5: gives paper 1's title words weight (a word in one paper only weighs nothing) without naming paper 0.
        ("Spline agents planning over marbles", "Agents move marbles along splines."),
    },
    // Filler, so that the papers above are few among many (a term in more than a quarter of the papers weighs nothing).
    .. Enumerable.Range(0, 20).Select(i => ((string, string?)?)($"Filler record {i}", $"Placeholder entry number {i} of the ledger.")),
    ]);

    [Fact]
    public void A_text_naming_a_papers_title_covers_it_where_a_text_on_the_same_subject_does_not()
    {
        var named = Terms.TitleCoverage(cited: 0, citing: 1);
        var sameSubject = Terms.TitleCoverage(cited: 0, citing: 2);

        Assert.True(named > 0.4, $"named: {named}");
        Assert.True(named > 2 * sameSubject, $"named {named}, same subject {sameSubject}");
        Assert.Contains("frobnic normalization", Terms.NamedTitleTerms(0, 1, 4));
        Assert.Equal(0f, Terms.TitleCoverage(cited: 0, citing: 3));
    }

    [Fact]
    public void Coverage_is_asymmetric_the_cited_title_against_the_citing_text()
    {
        // Paper 1's text holds paper 0's name; paper 0's text holds no word of paper 1's title.
        Assert.True(Terms.TitleCoverage(cited: 0, citing: 1) > 0);
        Assert.Equal(0f, Terms.TitleCoverage(cited: 1, citing: 0));
    }
}
