using CiteGraph.Graph.Suggest;

namespace CiteGraph.Graph.Tests.Suggest;

/// <summary>A served request computes only the features its weights use, and answers as if it computed them all.</summary>
public sealed class ZeroWeightFeatureTests(FieldCorpus fields) : IClassFixture<FieldCorpus>
{
    private static readonly SuggestionFeature[] Skippable =
    [
        SuggestionFeature.RecentPopularity, SuggestionFeature.TitleMention,
        SuggestionFeature.CitationSemantic, SuggestionFeature.TermAssociation, SuggestionFeature.ItemBias,
    ];

    [Fact]
    public void Features_the_served_weights_weigh_zero_are_not_computed_but_would_be()
    {
        Assert.All(Skippable, f => Assert.Equal(0, SuggestionWeights.Fitted[f]));
        var corpus = fields.Corpus;
        var computedAny = new HashSet<SuggestionFeature>();
        for (var paper = 0; paper < corpus.Snapshot.PaperCount; paper++)
        {
            var served = SuggestionEngine.Candidates(corpus, paper, SuggestionScope.Live, SuggestionWeights.Fitted);
            var full = SuggestionEngine.Candidates(corpus, paper, SuggestionScope.Live);

            // The same candidates (the pool does not depend on the weights), none with a value for a skipped feature.
            Assert.Equal(full.Select(c => c.Paper).Order(), served.Select(c => c.Paper).Order());
            Assert.All(served, c => Assert.All(Skippable, f => Assert.Equal(0f, c.Features[(int)f])));
            computedAny.UnionWith(Skippable.Where(f => full.Any(c => c.Features[(int)f] > 0)));
        }

        // Without the weights' guidance they do get values here, so the zeros above are skipped work, not empty evidence.
        Assert.Contains(SuggestionFeature.RecentPopularity, computedAny);
        Assert.Contains(SuggestionFeature.TitleMention, computedAny);
    }

    [Fact]
    public void Skipping_zero_weight_features_leaves_every_answer_and_reason_unchanged()
    {
        var corpus = fields.Corpus;
        for (var paper = 0; paper < corpus.Snapshot.PaperCount; paper++)
        {
            foreach (var scope in new[] { SuggestionScope.Live, SuggestionScope.HeldOut })
            {
                var served = SuggestionEngine.Suggest(corpus, paper, 10, SuggestionWeights.Fitted, scope);
                var full = SuggestionEngine.Suggest(corpus, paper, 10, SuggestionWeights.Fitted, scope, computeAll: true);

                Assert.Equal(full.Select(s => (s.Paper, Math.Round(s.Score, 9))), served.Select(s => (s.Paper, Math.Round(s.Score, 9))));
                Assert.Equal(full.SelectMany(s => s.Reasons).Select(r => r.Detail), served.SelectMany(s => s.Reasons).Select(r => r.Detail));
            }
        }
    }

    [Fact]
    public async Task A_served_request_fits_no_citation_model_unless_its_weights_use_one()
    {
        // A corpus of its own: the shared one may have fitted models for other tests already.
        var corpus = await SuggestionCorpus.BuildAsync(fields.Store, fields.Snapshot, cancellationToken: TestContext.Current.CancellationToken);
        var paper = fields.Index(FieldCorpus.Arxiv(2, 2019, 6));

        SuggestionEngine.Suggest(corpus, paper, 10, SuggestionWeights.Fitted);
        Assert.Equal(0, corpus.ModelsFitted);

        SuggestionEngine.Suggest(corpus, paper, 10, SuggestionWeights.Fitted.With(SuggestionFeature.TermAssociation, 1));
        Assert.Equal(1, corpus.ModelsFitted);
    }

    [Fact]
    public async Task A_served_request_measures_no_item_calibration_unless_its_weights_use_it()
    {
        // Measuring it asks every earlier paper with references for its ranking: work a request at weight 0 must not start.
        var corpus = await SuggestionCorpus.BuildAsync(fields.Store, fields.Snapshot, cancellationToken: TestContext.Current.CancellationToken);
        var paper = fields.Index(FieldCorpus.Arxiv(2, 2019, 6));

        SuggestionEngine.Suggest(corpus, paper, 10, SuggestionWeights.Fitted, SuggestionScope.HeldOut);
        SuggestionEngine.Suggest(corpus, paper, 10, SuggestionWeights.Fitted);
        Assert.Equal(0, corpus.CalibrationsMeasured);

        SuggestionEngine.Suggest(corpus, paper, 10, SuggestionWeights.Fitted.With(SuggestionFeature.ItemBias, 1), SuggestionScope.HeldOut);
        Assert.Equal(1, corpus.CalibrationsMeasured);
    }
}
