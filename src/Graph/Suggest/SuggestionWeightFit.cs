namespace CiteGraph.Graph.Suggest;

/// <summary>
/// Fits <see cref="SuggestionWeights"/> by coordinate search: each feature's weight in turn is set to the value of a
/// small grid that maximizes recall@k (ties: MRR) over the training papers, and passes repeat until nothing improves;
/// from two starts, keeping the better.
/// The candidates and their features are computed once (in <see cref="SuggestionScope.HeldOut"/> scope, so each training
/// paper's own references are hidden); only the weighted sums are recomputed.
/// </summary>
public static class SuggestionWeightFit
{
    private static readonly double[] Grid = [0, 0.125, 0.25, 0.5, 0.75, 1, 1.5, 2, 4];

    private static readonly double[] FineGrid = [0, 0.0625, 0.125, 0.1875, 0.25, 0.375, 0.5, 0.625, 0.75, 1, 1.25, 1.5, 2, 2.5, 3, 4, 6, 8];

    private static bool Better((double Recall, double Mrr) a, (double Recall, double Mrr) b) =>
        a.Recall > b.Recall + 1e-9 || (Math.Abs(a.Recall - b.Recall) <= 1e-9 && a.Mrr > b.Mrr + 1e-9);

    /// <summary>The fitted weights and the training recall@k and MRR they reach.</summary>
    /// <param name="corpus">The corpus.</param>
    /// <param name="truth">Known references.</param>
    /// <param name="years">The citing papers fitted on.</param>
    /// <param name="k">Suggestions per paper.</param>
    /// <param name="maxPasses">Coordinate-search passes at most.</param>
    /// <param name="graphBefore">
    /// When given, the training papers see only citations made before this year (besides before their own month): the
    /// graph frozen as an evaluation's graph is, so that the weights learn how far the citation features carry when
    /// the graph lags behind the papers (the evaluated 2020–2022 papers see only citations made before 2020).
    /// </param>
    /// <param name="features">The features the fit may weigh (others stay 0); every feature when null.</param>
    /// <param name="method">How the weights are searched for.</param>
    public static (SuggestionWeights Weights, double Recall, double Mrr) Fit(
        SuggestionCorpus corpus, SuggestionTruth truth, YearRange years, int k, int maxPasses = 4, int? graphBefore = null, IReadOnlySet<SuggestionFeature>? features = null,
        SuggestionFitMethod method = SuggestionFitMethod.CoordinateSearch)
    {
        var training = Training(corpus, truth, years, graphBefore);
        var (weights, (recall, mrr)) = FitOn(training, k, maxPasses, features, method);
        return (weights, recall, mrr);
    }

    /// <summary>
    /// Cross-validation by paper on the training papers: they are split into <paramref name="folds"/> folds (by their
    /// position in a stable order), the weights are fitted on all folds but one and measured on that one, and the
    /// held-out recall@k and MRR are averaged over every paper. How a feature is judged before it is kept: each set of
    /// <paramref name="featureSets"/> (null: every feature) is cross-validated on the same candidates and folds.
    /// </summary>
    public static IReadOnlyList<(double Recall, double Mrr, IReadOnlyList<SuggestionWeights> Weights)> CrossValidate(
        SuggestionCorpus corpus, SuggestionTruth truth, YearRange years, int k, int folds, IReadOnlyList<IReadOnlySet<SuggestionFeature>?> featureSets, int? graphBefore = null, int maxPasses = 4,
        SuggestionFitMethod method = SuggestionFitMethod.CoordinateSearch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        ArgumentNullException.ThrowIfNull(featureSets);
        var training = Training(corpus, truth, years, graphBefore);
        var results = new List<(double, double, IReadOnlyList<SuggestionWeights>)>();
        foreach (var features in featureSets)
        {
            double recall = 0, mrr = 0;
            var fitted = new List<SuggestionWeights>();
            for (var fold = 0; fold < folds; fold++)
            {
                var f = fold;
                var fitOn = training.Where((_, i) => i % folds != f).ToArray();
                var heldOut = training.Where((_, i) => i % folds == f).ToArray();
                var (weights, _) = FitOn(fitOn, k, maxPasses, features, method);
                var (r, m) = Measure(heldOut, weights, k);
                recall += r * heldOut.Length;
                mrr += m * heldOut.Length;
                fitted.Add(weights);
            }

            results.Add(training.Length == 0 ? (0, 0, fitted) : (recall / training.Length, mrr / training.Length, fitted));
        }

        return results;
    }

    private static (IReadOnlyList<SuggestionCandidate> Candidates, IReadOnlySet<int> Known)[] Training(SuggestionCorpus corpus, SuggestionTruth truth, YearRange years, int? graphBefore)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(truth);
        var papers = SuggestionEvaluation.Citing(corpus, truth, years);
        var training = new (IReadOnlyList<SuggestionCandidate> Candidates, IReadOnlySet<int> Known)[papers.Count];
        Parallel.For(0, papers.Count, i => training[i] = (SuggestionEngine.Candidates(corpus, papers[i], SuggestionScope.HeldOut, graphBefore), truth.References[papers[i]]));
        return training;
    }

    private static (double Recall, double Mrr) Measure((IReadOnlyList<SuggestionCandidate> Candidates, IReadOnlySet<int> Known)[] training, SuggestionWeights weights, int k)
    {
        double recall = 0, mrr = 0;
        foreach (var (candidates, known) in training)
        {
            var (r, rr, _) = SuggestionEvaluation.Score(TopK(candidates, weights, k), known, k);
            recall += r;
            mrr += rr;
        }

        return training.Length == 0 ? (0, 0) : (recall / training.Length, mrr / training.Length);
    }

    /// <summary>
    /// The <paramref name="k"/> best candidates with a positive score, best first, ties by paper index: what sorting the
    /// whole pool gives, by one pass keeping k (the fit measures thousands of weight settings over every training paper).
    /// </summary>
    private static List<int> TopK(IReadOnlyList<SuggestionCandidate> candidates, SuggestionWeights weights, int k)
    {
        var top = new List<(double Score, int Paper)>(k + 1);
        foreach (var c in candidates)
        {
            var score = c.Score(weights);
            if (score <= 0 || (top.Count == k && !Ahead(score, c.Paper, top[^1])))
            {
                continue;
            }

            var at = top.Count;
            while (at > 0 && Ahead(score, c.Paper, top[at - 1]))
            {
                at--;
            }

            top.Insert(at, (score, c.Paper));
            if (top.Count > k)
            {
                top.RemoveAt(k);
            }
        }

        return top.ConvertAll(t => t.Paper);

        static bool Ahead(double score, int paper, (double Score, int Paper) other) => score > other.Score || (score == other.Score && paper < other.Paper);
    }

    private static (SuggestionWeights Weights, (double Recall, double Mrr) Score) FitOn(
        (IReadOnlyList<SuggestionCandidate> Candidates, IReadOnlySet<int> Known)[] training, int k, int maxPasses, IReadOnlySet<SuggestionFeature>? features,
        SuggestionFitMethod method)
    {
        var allowed = Enum.GetValues<SuggestionFeature>().Where(f => features is null || features.Contains(f)).ToArray();

        // Two starts (key terms alone, or the first allowed feature; every allowed feature at 1), since a greedy search can stop at a local optimum.
        var all = SuggestionWeights.From(allowed.ToDictionary(f => f, _ => 1.0));
        var single = SuggestionWeights.Only(allowed.Contains(SuggestionFeature.KeyTerms) ? SuggestionFeature.KeyTerms : allowed[0]);
        if (method == SuggestionFitMethod.Pairwise)
        {
            var pairwise = PairwiseRankFit.Fit(training, allowed, all);
            return (pairwise, Measure(training, pairwise, k));
        }

        var grid = method == SuggestionFitMethod.FineCoordinateSearch ? FineGrid : Grid;
        maxPasses = method == SuggestionFitMethod.FineCoordinateSearch ? Math.Max(maxPasses, 8) : maxPasses;
        var starts = method == SuggestionFitMethod.PairwiseThenSearch ? new[] { single, all, PairwiseRankFit.Fit(training, allowed, all) } : new[] { single, all };
        (SuggestionWeights Weights, (double Recall, double Mrr) Score)? winner = null;
        foreach (var start in starts)
        {
            var result = Search(start);
            if (winner is not { } w || Better(result.Score, w.Score))
            {
                winner = result;
            }
        }

        return winner!.Value;

        (SuggestionWeights Weights, (double Recall, double Mrr) Score) Search(SuggestionWeights start)
        {
            var (best, bestScore) = (start, Measure(training, start, k));
            for (var pass = 0; pass < maxPasses; pass++)
            {
                var improved = false;
                foreach (var feature in allowed)
                {
                    foreach (var value in grid)
                    {
                        var trial = best.With(feature, value);
                        if (trial.Values.All(v => v == 0))
                        {
                            continue;
                        }

                        var score = Measure(training, trial, k);
                        if (Better(score, bestScore))
                        {
                            (best, bestScore, improved) = (trial, score, true);
                        }
                    }
                }

                if (!improved)
                {
                    break;
                }
            }

            return (best, bestScore);
        }
    }
}
