using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Suggest;

namespace CiteGraph.Graph.Tests.Suggest;

/// <summary>The learned ranker re-orders the weighted sum's best candidates, in the service the API calls and in evaluation.</summary>
public sealed class SuggestionRankerTests(FieldCorpus fields) : IClassFixture<FieldCorpus>
{
    /// <summary>One stump: the weighted sum's best three (rank input ≤ log 3) score −1, every later one +1.</summary>
    private static SuggestionRanker Demoting() =>
        new(TreeEnsemble.From(0, [(1.0, [RankerInputs.LinearRank], [MathF.Log(3)], [-1], [-2], [-1.0, 1.0])]), 10);

    [Fact]
    public void The_service_ships_and_serves_the_fitted_ranker()
    {
        var service = new SuggestionService(fields.Store, new SnapshotHolder(fields.Store));

        Assert.NotNull(SuggestionRanker.Fitted);
        Assert.Same(SuggestionRanker.Fitted, service.Ranker);
        Assert.True(SuggestionRanker.Fitted!.Trees.Count > 0);
        Assert.InRange(SuggestionRanker.Fitted.Trees.Inputs, 1, RankerInputs.Count);
    }

    [Fact]
    public void A_ranker_given_to_the_service_decides_the_order_the_weighted_sum_proposed()
    {
        var corpus = fields.Corpus;
        var paper = fields.Index(FieldCorpus.Arxiv(2, 2019, 6));
        var weighted = SuggestionEngine.Suggest(corpus, paper, 10, SuggestionWeights.Fitted).Select(s => s.Paper).ToList();
        Assert.True(weighted.Count >= 6, "the fixture gives this paper at least six suggestions");

        var service = new SuggestionService(fields.Store, new SnapshotHolder(fields.Store)) { Ranker = Demoting() };
        var ranked = service.Suggest(corpus, paper, 3);

        // The weighted sum's best three are demoted below every later candidate of the ten re-ordered.
        Assert.Equal(3, ranked.Count);
        Assert.Empty(ranked.Select(r => r.Paper).Intersect(weighted.Take(3)));
        Assert.All(ranked, r => Assert.Contains(r.Paper, weighted));
        Assert.All(ranked, r => Assert.InRange(r.Score, 0.5, 1)); // the logistic of the ranker's +1
        Assert.All(ranked, r => Assert.NotEmpty(r.Reasons));

        var plain = new SuggestionService(fields.Store, new SnapshotHolder(fields.Store)) { Ranker = null };
        Assert.Equal(weighted.Take(3), plain.Suggest(corpus, paper, 3).Select(r => r.Paper));
    }

    [Fact]
    public async Task Evaluation_scores_what_the_ranker_serves()
    {
        var corpus = fields.Corpus;
        var truth = await SuggestionTruth.ReadAsync(fields.Store, corpus.Snapshot, fields.TruthPath, TestContext.Current.CancellationToken);
        var years = new YearRange(2019, 2019);

        var plain = SuggestionEvaluation.Evaluate(corpus, truth, 2, SuggestionWeights.Fitted, years);
        var demoted = SuggestionEvaluation.Evaluate(corpus, truth, 2, SuggestionWeights.Fitted, years, Demoting());

        // Each 2019 paper's two foundations are what the weighted sum ranks first; demoting its best three loses them.
        Assert.True(plain.RecallAtK > 0.8, $"weighted sum: {plain}");
        Assert.True(demoted.RecallAtK < plain.RecallAtK - 0.5, $"demoted: {demoted}");
    }
}
