using CiteGraph.Graph.Analytics;

namespace CiteGraph.Graph.Tests.Analytics;

public sealed class KleinbergBurstsTests
{
    [Fact]
    public void A_planted_burst_is_found_at_its_years_and_nowhere_else()
    {
        // 20 years of 1,000 papers; the topic is 2% of them except years 8-11, where it is 10%.
        var total = Enumerable.Repeat(1_000, 20).ToArray();
        var relevant = Enumerable.Range(0, 20).Select(t => t is >= 8 and <= 11 ? 100 : 20).ToArray();

        var burst = Assert.Single(KleinbergBursts.Detect(relevant, total));

        Assert.Equal((8, 11), (burst.Start, burst.End));
        Assert.True(burst.Weight > 0, $"weight {burst.Weight}");
    }

    [Fact]
    public void A_steady_share_in_a_growing_corpus_has_no_burst()
    {
        // The corpus grows tenfold; the topic keeps 5% of it (counts rise, the share does not).
        var total = Enumerable.Range(0, 15).Select(t => 200 * (t + 1)).ToArray();
        var relevant = total.Select(d => d / 20).ToArray();

        Assert.Empty(KleinbergBursts.Detect(relevant, total));
    }

    [Fact]
    public void Two_bursts_are_two_and_the_stronger_weighs_more()
    {
        var total = Enumerable.Repeat(500, 30).ToArray();
        var relevant = Enumerable.Range(0, 30).Select(t => t switch { >= 5 and <= 7 => 60, >= 20 and <= 24 => 120, _ => 10 }).ToArray();

        var bursts = KleinbergBursts.Detect(relevant, total);

        Assert.Equal([(5, 7), (20, 24)], bursts.Select(b => (b.Start, b.End)));
        Assert.True(bursts[1].Weight > bursts[0].Weight, string.Join(", ", bursts));
    }

    [Fact]
    public void Counts_that_do_not_fit_are_refused()
    {
        Assert.Throws<ArgumentException>(() => KleinbergBursts.Detect([5], [4]));
        Assert.Throws<ArgumentException>(() => KleinbergBursts.Detect([1, 2], [10]));
        Assert.Empty(KleinbergBursts.Detect([], []));
    }
}
