using CiteGraph.Graph.Suggest;

namespace CiteGraph.Graph.Tests.Suggest;

/// <summary>The inputs bench/tools/suggest-ltr.cs fits its trees on: the weighted sum's best candidates, in its order, with their features.</summary>
public sealed class RankerInputsTests(FieldCorpus fields) : IClassFixture<FieldCorpus>
{
    [Fact]
    public void The_list_is_the_weighted_sums_best_in_order_each_with_its_features_and_rank()
    {
        var corpus = fields.Corpus;
        var paper = fields.Index(FieldCorpus.Arxiv(2, 2019, 6));
        var weights = SuggestionWeights.Fitted;

        var (ordered, inputs) = SuggestionEngine.RankerList(corpus, paper, SuggestionScope.HeldOut, null, weights, 8);

        Assert.Equal(8, ordered.Count);
        Assert.Equal(8, inputs.Length);
        var scores = ordered.Select(c => c.Score(weights)).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        var count = Enum.GetValues<SuggestionFeature>().Length;
        for (var r = 0; r < ordered.Count; r++)
        {
            Assert.Equal(RankerInputs.Count, inputs[r].Length);
            Assert.Equal(ordered[r].Features, inputs[r][..count]);
            Assert.Equal((float)scores[r], inputs[r][count], 5);
            Assert.Equal(MathF.Log(1 + r), inputs[r][RankerInputs.LinearRank], 5);
            Assert.All(RankerInputs.Skipped, f => Assert.Equal(0f, inputs[r][(int)f]));
            Assert.True(corpus.Months[ordered[r].Paper].MayBeCitedBy(corpus.Months[paper]));
        }

        // The weighted sum's best are its field's two foundations: the paper's real references.
        Assert.Equal(
            new[] { FieldCorpus.Foundation(2, 1), FieldCorpus.Foundation(2, 2) }.Select(fields.Index).Order(),
            ordered.Take(2).Select(c => c.Paper).Order());
    }
}
