using CiteGraph.Graph.Suggest;

namespace CiteGraph.Graph.Tests.Suggest;

public sealed class CitationAgesTests(FieldCorpus fields) : IClassFixture<FieldCorpus>
{
    [Fact]
    public void Rates_are_citations_over_possible_pairs_counted_paper_by_paper()
    {
        var corpus = fields.Corpus;
        var snapshot = corpus.Snapshot;
        var months = corpus.Months;
        var cited = new double[CitationAges.MaxYears + 1];
        var pairs = new double[CitationAges.MaxYears + 1];
        for (var p = 0; p < snapshot.PaperCount; p++)
        {
            if (snapshot.Citations.OutDegree(p) == 0)
            {
                continue;
            }

            foreach (var c in snapshot.Citations.OutNeighbors(p))
            {
                cited[CitationAges.Bucket(months[p], months[c])!.Value]++;
            }

            for (var other = 0; other < snapshot.PaperCount; other++)
            {
                if (months[other].Year is not null && !months[p].IsStrictlyBefore(months[other]))
                {
                    pairs[CitationAges.Bucket(months[p], months[other])!.Value]++;
                }
            }
        }

        var overall = cited.Sum() / pairs.Sum();
        var ages = CitationAges.Measure(snapshot, months);
        var citing = months[fields.Index(FieldCorpus.Arxiv(0, 2019, 12))];
        foreach (var (paper, years) in new[] { (FieldCorpus.Arxiv(1, 2019, 6), 0), (FieldCorpus.Arxiv(1, 2017, 12), 2), (FieldCorpus.Foundation(2, 1), 4) })
        {
            var expected = (cited[years] + 1) / (pairs[years] + (1 / overall)) / overall;
            Assert.Equal(expected, ages.RelativeRate(citing, months[fields.Index(paper)])!.Value, 9);
        }
    }

    [Fact]
    public void Ages_the_corpus_cites_rate_above_ages_it_never_cites()
    {
        // Every citation of the generated corpus goes from a 2016–2019 follow-up to a January 2015 foundation: one to four
        // years back. Papers of the citing paper's own year are never cited.
        var months = fields.Corpus.Months;
        var citing = months[fields.Index(FieldCorpus.Arxiv(0, 2019, 12))];
        var ages = fields.Corpus.Ages;

        var sameYear = ages.RelativeRate(citing, months[fields.Index(FieldCorpus.Arxiv(3, 2019, 3))])!.Value;
        var foundation = ages.RelativeRate(citing, months[fields.Index(FieldCorpus.Foundation(3, 1))])!.Value;

        Assert.True(sameYear < 1, $"same-year rate {sameYear}");
        Assert.True(foundation > 1, $"four-year rate {foundation}");
        Assert.Equal(4, CitationAges.Bucket(citing, months[fields.Index(FieldCorpus.Foundation(3, 1))]));
    }
}
