using System.Collections.Concurrent;
using System.Globalization;

namespace CiteGraph.Graph.Suggest;

/// <summary>
/// How well suggested references find the references papers really make: each citing paper of a truth file is asked for
/// its top <see cref="K"/> suggestions in <see cref="SuggestionScope.HeldOut"/> scope (its own references and every
/// citation made in its month or later hidden), and the suggestions are compared with its known references.
/// </summary>
/// <param name="K">Suggestions asked per paper.</param>
/// <param name="Weights">The weights scored with.</param>
/// <param name="CitingPapers">Citing papers evaluated (those of the truth file in the chosen years).</param>
/// <param name="Relevant">Their known references (resolved pairs).</param>
/// <param name="Unreachable">Known references that may not be suggested because they are dated after the citing paper (counted as misses).</param>
/// <param name="Hits">Known references among the suggestions.</param>
/// <param name="RecallAtK">Mean over citing papers of the share of its references found in its top K (macro recall@K).</param>
/// <param name="Mrr">Mean over citing papers of 1 / rank of its first correct suggestion (0 when none is in the top K).</param>
/// <param name="HitShare">Share of citing papers with at least one correct suggestion in the top K.</param>
public sealed record SuggestionEvaluation(
    int K, SuggestionWeights Weights, int CitingPapers, int Relevant, int Unreachable, int Hits, double RecallAtK, double Mrr, double HitShare)
{
    /// <summary>Hits / relevant over all pairs (micro recall@K).</summary>
    public double MicroRecall => Relevant == 0 ? double.NaN : (double)Hits / Relevant;

    /// <summary>Evaluates <paramref name="weights"/> on the citing papers of <paramref name="truth"/> published in <paramref name="years"/> (all when null).</summary>
    public static SuggestionEvaluation Evaluate(SuggestionCorpus corpus, SuggestionTruth truth, int k, SuggestionWeights weights, YearRange? years = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var citing = Citing(corpus, truth, years);
        var results = new ConcurrentBag<(double Recall, double Reciprocal, int Hits, int Relevant, int Unreachable)>();
        Parallel.ForEach(citing, paper =>
        {
            var known = truth.References[paper];
            var suggested = SuggestionEngine.Suggest(corpus, paper, k, weights, SuggestionScope.HeldOut);
            results.Add(Score(suggested.Select(s => s.Paper).ToList(), known, k) is var (recall, reciprocal, hits)
                ? (recall, reciprocal, hits, known.Count, known.Count(c => !corpus.Months[c].MayBeCitedBy(corpus.Months[paper])))
                : default);
        });
        return Summarize(k, weights, results.ToList());
    }

    /// <summary>
    /// How many of the evaluated papers' known references the graph itself holds as explicit citations: more than 0 means
    /// the evaluation is held out by paper (each paper's own citations, there in the graph, are hidden while it is
    /// evaluated); 0 that it is held out by year (only older papers' citations were loaded), or that none were loaded.
    /// </summary>
    public static int KnownInGraph(SuggestionCorpus corpus, SuggestionTruth truth, YearRange? years = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(truth);
        var snapshot = corpus.Snapshot;
        var count = 0;
        foreach (var paper in Citing(corpus, truth, years))
        {
            var known = truth.References[paper];
            foreach (var cited in snapshot.Citations.OutNeighbors(paper))
            {
                count += known.Contains(cited) && !snapshot.Citation(paper, cited).Inferred ? 1 : 0;
            }
        }

        return count;
    }

    /// <summary>The citing papers of the truth file in the chosen years, in a stable order.</summary>
    public static IReadOnlyList<int> Citing(SuggestionCorpus corpus, SuggestionTruth truth, YearRange? years) =>
        truth.References.Keys.Where(p => years is not { } y || y.Contains(corpus.Months[p].Year)).Order().ToList();

    /// <summary>Recall, reciprocal rank of the first hit and hits of one ranked list against known references.</summary>
    public static (double Recall, double Reciprocal, int Hits) Score(IReadOnlyList<int> ranked, IReadOnlySet<int> known, int k)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(known);
        int hits = 0, firstHit = 0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (known.Contains(ranked[i]))
            {
                hits++;
                firstHit = firstHit == 0 ? i + 1 : firstHit;
            }
        }

        return (known.Count == 0 ? 0 : (double)hits / known.Count, firstHit == 0 ? 0 : 1.0 / firstHit, hits);
    }

    private static SuggestionEvaluation Summarize(int k, SuggestionWeights weights, IReadOnlyList<(double Recall, double Reciprocal, int Hits, int Relevant, int Unreachable)> results)
    {
        var n = results.Count;
        return new SuggestionEvaluation(
            k, weights, n, results.Sum(r => r.Relevant), results.Sum(r => r.Unreachable), results.Sum(r => r.Hits),
            n == 0 ? double.NaN : results.Average(r => r.Recall),
            n == 0 ? double.NaN : results.Average(r => r.Reciprocal),
            n == 0 ? double.NaN : results.Count(r => r.Hits > 0) / (double)n);
    }

    /// <summary>One line with every measure and its counts.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{CitingPapers} citing papers, {Relevant} known references ({Unreachable} dated after their citing paper): " +
        $"recall@{K} {Format(RecallAtK)}, MRR@{K} {Format(Mrr)}, papers with a hit {Format(HitShare)} " +
        $"({Hits} references found; micro recall {Format(MicroRecall)})");

    private static string Format(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
