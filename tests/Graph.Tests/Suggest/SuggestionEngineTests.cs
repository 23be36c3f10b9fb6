using CiteGraph.Graph.Suggest;
using CiteGraph.Graph.Traversal;

namespace CiteGraph.Graph.Tests.Suggest;

public sealed class SuggestionEngineTests(FieldCorpus fields) : IClassFixture<FieldCorpus>
{
    [Fact]
    public async Task Evaluation_finds_the_references_known_by_construction()
    {
        var truth = await SuggestionTruth.ReadAsync(fields.Store, fields.Snapshot, fields.TruthPath, TestContext.Current.CancellationToken);

        var evaluation = SuggestionEvaluation.Evaluate(fields.Corpus, truth, 2, SuggestionWeights.Fitted);

        Assert.Equal((FieldCorpus.Fields * 12, FieldCorpus.Fields * 12 * 2, 0), (evaluation.CitingPapers, evaluation.Relevant, evaluation.Unreachable));
        Assert.Equal(1.0, evaluation.RecallAtK, 3);
        Assert.Equal(1.0, evaluation.Mrr, 3);
        Assert.Equal(1.0, evaluation.HitShare, 3);
    }

    [Fact]
    public async Task Evaluation_scores_references_nothing_points_to_as_misses()
    {
        var truth = await SuggestionTruth.ReadAsync(fields.Store, fields.Snapshot, fields.WrongTruthPath, TestContext.Current.CancellationToken);

        var evaluation = SuggestionEvaluation.Evaluate(fields.Corpus, truth, 10, SuggestionWeights.Fitted, new YearRange(2019, 2019));

        Assert.Equal(FieldCorpus.Fields * 12, evaluation.CitingPapers);
        Assert.Equal((0, 0.0, 0.0), (evaluation.Hits, evaluation.RecallAtK, evaluation.HitShare));
    }

    [Fact]
    public async Task An_evaluation_tells_whether_the_graph_holds_the_evaluated_papers_references()
    {
        var truth = await SuggestionTruth.ReadAsync(fields.Store, fields.Snapshot, fields.TruthPath, TestContext.Current.CancellationToken);
        var wrong = await SuggestionTruth.ReadAsync(fields.Store, fields.Snapshot, fields.WrongTruthPath, TestContext.Current.CancellationToken);

        // Every listed reference of the 2019 papers is a citation the graph holds (held out by paper); none of the wrong ones is.
        Assert.Equal(FieldCorpus.Fields * 12 * 2, SuggestionEvaluation.KnownInGraph(fields.Corpus, truth));
        Assert.Equal(0, SuggestionEvaluation.KnownInGraph(fields.Corpus, wrong));
        Assert.Equal(0, SuggestionEvaluation.KnownInGraph(fields.Corpus, truth, new YearRange(2018, 2018)));
    }

    [Fact]
    public void Suggestions_are_never_the_paper_itself_nor_later_papers()
    {
        var corpus = fields.Corpus;
        for (var paper = 0; paper < corpus.Snapshot.PaperCount; paper++)
        {
            foreach (var scope in new[] { SuggestionScope.Live, SuggestionScope.HeldOut })
            {
                foreach (var suggestion in SuggestionEngine.Suggest(corpus, paper, 20, SuggestionWeights.Fitted, scope))
                {
                    Assert.NotEqual(paper, suggestion.Paper);
                    Assert.True(corpus.Months[suggestion.Paper].MayBeCitedBy(corpus.Months[paper]),
                        $"{corpus.Snapshot.PaperId(suggestion.Paper)} ({corpus.Months[suggestion.Paper]}) suggested to {corpus.Snapshot.PaperId(paper)} ({corpus.Months[paper]})");
                }
            }
        }
    }

    [Fact]
    public void A_held_out_paper_does_not_see_its_own_references()
    {
        var paper = fields.Index(FieldCorpus.TrapCiting);
        var trap = fields.Index(FieldCorpus.Trap);

        // The live graph shows the citation the paper makes; the held-out view must not, or evaluation would be told the answer.
        var weights = SuggestionWeights.Fitted.With(SuggestionFeature.DirectCitation, 1);
        var live = SuggestionEngine.Suggest(fields.Corpus, paper, 500, weights, SuggestionScope.Live);
        Assert.Contains(live, s => s.Paper == trap && s.Reasons.Any(r => r.Kind == RelatedBy.DirectCitation));

        var heldOut = SuggestionEngine.Suggest(fields.Corpus, paper, 500, weights, SuggestionScope.HeldOut);
        // The trap may still be suggested for being popular among earlier papers, never for the paper's own citation.
        Assert.DoesNotContain(heldOut, s => s.Paper == trap && s.Score >= live.Single(l => l.Paper == trap).Score);
        Assert.DoesNotContain(heldOut.SelectMany(s => s.Reasons), r => r.Kind == RelatedBy.DirectCitation);
    }

    [Fact]
    public void A_held_out_paper_sees_only_citations_made_before_it()
    {
        // The first paper of 2016 in field 1: no earlier paper cites anything, so neither popularity nor similar papers' citations count.
        var paper = fields.Index(FieldCorpus.Arxiv(1, 2016, 1));

        var heldOut = SuggestionEngine.Candidates(fields.Corpus, paper, SuggestionScope.HeldOut);

        Assert.All(heldOut, c => Assert.Equal((0f, 0f), (c.Features[(int)SuggestionFeature.Popularity], c.Features[(int)SuggestionFeature.CitedBySimilar])));
        var live = SuggestionEngine.Candidates(fields.Corpus, paper, SuggestionScope.Live);
        Assert.Contains(live, c => c.Features[(int)SuggestionFeature.Popularity] > 0);
    }

    [Fact]
    public async Task Reasons_name_terms_both_papers_really_use_and_the_similar_papers_that_cite_it()
    {
        var paper = fields.Index(FieldCorpus.Arxiv(2, 2019, 6));
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var text in fields.Store.ReadPaperTextsAsync(TestContext.Current.CancellationToken))
        {
            texts[text.Id] = (text.Title + " " + text.Abstract).ToLowerInvariant();
        }

        var suggestions = SuggestionEngine.Suggest(fields.Corpus, paper, 2, SuggestionWeights.Fitted, SuggestionScope.HeldOut);

        Assert.Equal(
            new[] { fields.Index(FieldCorpus.Foundation(2, 1)), fields.Index(FieldCorpus.Foundation(2, 2)) }.Order(),
            suggestions.Select(s => s.Paper).Order());
        foreach (var suggestion in suggestions)
        {
            var keyTerms = Assert.Single(suggestion.Reasons, r => r.Kind == RelatedBy.KeyTerms).Detail;
            var terms = keyTerms["shares key terms: ".Length..keyTerms.IndexOf(" (", StringComparison.Ordinal)].Split(", ");
            Assert.NotEmpty(terms);
            foreach (var word in terms.SelectMany(t => t.Split(' ')))
            {
                Assert.Contains(word, texts[fields.Snapshot.PaperId(paper)], StringComparison.Ordinal);
                Assert.Contains(word, texts[fields.Snapshot.PaperId(suggestion.Paper)], StringComparison.Ordinal);
            }

            Assert.Contains("troskel", keyTerms, StringComparison.Ordinal);
            var citedBy = Assert.Single(suggestion.Reasons, r => r.Kind == RelatedBy.CitedBySimilar).Detail;
            Assert.Contains("“Scaling troskel mirvane methods, study ", citedBy, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Fitting_on_training_years_finds_weights_that_reach_the_known_references()
    {
        var truth = await SuggestionTruth.ReadAsync(fields.Store, fields.Snapshot, fields.TruthPath, TestContext.Current.CancellationToken);

        var (weights, recall, mrr) = SuggestionWeightFit.Fit(fields.Corpus, truth, new YearRange(2019, 2019), 2);

        Assert.Equal((1.0, 1.0), (Math.Round(recall, 3), Math.Round(mrr, 3)));
        Assert.Equal(1.0, SuggestionEvaluation.Evaluate(fields.Corpus, truth, 2, weights).RecallAtK, 3);
        Assert.Contains(weights.Values, w => w > 0);
    }

    [Fact]
    public void The_recency_reason_names_the_candidates_age_and_the_rate_it_scored_with()
    {
        var paper = fields.Index(FieldCorpus.Arxiv(2, 2019, 6));
        var foundation = fields.Index(FieldCorpus.Foundation(2, 1));
        var corpus = fields.Corpus;

        var suggestion = SuggestionEngine.Suggest(corpus, paper, 2, SuggestionWeights.Fitted, SuggestionScope.HeldOut).Single(s => s.Paper == foundation);

        var recency = Assert.Single(suggestion.Reasons, r => r.Kind == RelatedBy.Recency);

        // Held out, the rate is measured on the citations made before the paper only, not on the whole graph's.
        var visible = corpus.VisibleTo(corpus.Months[paper], graphBefore: null).Ages.RelativeRate(corpus.Months[paper], corpus.Months[foundation])!.Value;
        Assert.Equal(visible, recency.Value, 5);
        Assert.NotEqual(corpus.Ages.RelativeRate(corpus.Months[paper], corpus.Months[foundation])!.Value, visible, 3);
        Assert.StartsWith("papers 4 years older are cited", recency.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_graph_frozen_before_a_year_hides_the_citations_made_from_that_year_on()
    {
        // Every citation of the generated corpus is made in 2016 or later: frozen before 2016, a 2019 paper sees none.
        var paper = fields.Index(FieldCorpus.Arxiv(4, 2019, 6));
        int[] citationFeatures = [(int)SuggestionFeature.Popularity, (int)SuggestionFeature.CitedBySimilar, (int)SuggestionFeature.CoCitation, (int)SuggestionFeature.Coupling];

        var frozen = SuggestionEngine.Candidates(fields.Corpus, paper, SuggestionScope.HeldOut, graphBefore: 2016);
        var later = SuggestionEngine.Candidates(fields.Corpus, paper, SuggestionScope.HeldOut, graphBefore: 2018);

        Assert.All(frozen, c => Assert.All(citationFeatures, f => Assert.Equal(0f, c.Features[f])));
        Assert.Contains(later, c => c.Features[(int)SuggestionFeature.Popularity] > 0 && c.Features[(int)SuggestionFeature.CitedBySimilar] > 0);
    }
}
