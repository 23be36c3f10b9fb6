using CiteGraph.Graph.Suggest;

namespace CiteGraph.Graph.Tests.Suggest;

public sealed class SuggestionWeightFitTests(FieldCorpus fields) : IClassFixture<FieldCorpus>
{
    [Fact]
    public async Task Cross_validation_measures_each_fold_with_weights_fitted_on_the_others_and_only_the_allowed_features()
    {
        var truth = await SuggestionTruth.ReadAsync(fields.Store, fields.Snapshot, fields.TruthPath, TestContext.Current.CancellationToken);
        IReadOnlySet<SuggestionFeature> popularity = new HashSet<SuggestionFeature> { SuggestionFeature.Popularity };

        var results = SuggestionWeightFit.CrossValidate(fields.Corpus, truth, new YearRange(2019, 2019), 2, folds: 3, [null, popularity]);

        var (all, alone) = (results[0], results[1]);
        Assert.Equal((3, 3), (all.Weights.Count, alone.Weights.Count));
        // Every field's follow-ups cite its own two foundations: text finds them in every held-out fold ...
        Assert.Equal((1.0, 1.0), (Math.Round(all.Recall, 3), Math.Round(all.Mrr, 3)));
        // ... while popularity alone, the only feature that fit may weigh, cannot tell one field's foundations from another's.
        Assert.All(alone.Weights, w => Assert.All(Enum.GetValues<SuggestionFeature>(), f => Assert.True(f == SuggestionFeature.Popularity || w[f] == 0)));
        Assert.True(alone.Recall < 0.5, $"popularity alone: {alone.Recall}");
    }
}
