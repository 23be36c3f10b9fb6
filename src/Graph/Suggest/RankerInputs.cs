namespace CiteGraph.Graph.Suggest;

/// <summary>
/// The inputs a learned second stage (a <see cref="TreeEnsemble"/> re-ordering the weighted sum's best candidates) reads
/// for one (paper, candidate) pair: the scaled features, the weighted sum and its rank, and per-pair values a weighted sum
/// cannot use well (ranks under single features, unscaled cosines, the candidate's age and visible citations, both texts'
/// lengths), so the trees can learn interactions such as "popularity matters for old candidates". Fitted and judged by
/// bench/tools/suggest-ltr.cs; not served: cross-validated on the training papers it gained −0.004 to +0.014 recall@10
/// with the settings and folds (branch suggest8), but it lost when served once on the later papers and when judged
/// forward in time on the training years (bench/RESULTS.md, branch suggest9).
/// </summary>
public static class RankerInputs
{
    /// <summary>Features left at 0 in the inputs: they cost a citation-model fit on a snapshot's first request.</summary>
    public static readonly IReadOnlySet<SuggestionFeature> Skipped = new HashSet<SuggestionFeature> { SuggestionFeature.CitationSemantic, SuggestionFeature.TermAssociation };

    /// <summary>Features whose rank among the paper's candidates is an input.</summary>
    private static readonly SuggestionFeature[] Ranked = [SuggestionFeature.KeyTerms, SuggestionFeature.Semantic, SuggestionFeature.CitedBySimilar];

    private static readonly int FeatureCount = Enum.GetValues<SuggestionFeature>().Length;

    /// <summary>Index of the input log(1 + the candidate's rank by the weighted sum), 0 for the best.</summary>
    public static int LinearRank { get; } = FeatureCount + 1;

    /// <summary>Length of the input vector.</summary>
    public static int Count { get; } = FeatureCount + 2 + Ranked.Length + 6;

    /// <summary>Every feature computed except <see cref="Skipped"/>.</summary>
    internal static SuggestionWeights Computed { get; } =
        SuggestionWeights.From(Enum.GetValues<SuggestionFeature>().Where(f => !Skipped.Contains(f)).ToDictionary(f => f, _ => 1.0));

    /// <summary>The inputs of the <paramref name="depth"/> best candidates by the weighted sum, in that order.</summary>
    /// <param name="corpus">The corpus.</param>
    /// <param name="paper">The paper asking.</param>
    /// <param name="candidates">All its candidates (every feature but <see cref="Skipped"/> computed).</param>
    /// <param name="weights">The weighted sum the candidates are first ordered by.</param>
    /// <param name="depth">How many of the best are kept.</param>
    /// <param name="text">The paper's TF-IDF cosine with every paper.</param>
    /// <param name="citingVisible">Whether a citing paper's citations are visible to this paper.</param>
    internal static (List<SuggestionCandidate> Ordered, double[] Linear, float[][] Inputs) Compute(
        SuggestionCorpus corpus, int paper, IReadOnlyList<SuggestionCandidate> candidates, SuggestionWeights weights, int depth, float[] text, Func<int, bool> citingVisible)
    {
        var linear = candidates.Select(c => c.Score(weights)).ToArray();
        var order = Enumerable.Range(0, candidates.Count).OrderByDescending(j => linear[j]).ThenBy(j => candidates[j].Paper).Take(depth).ToArray();
        var ranks = Ranked.Select(f => Ranks(candidates, f)).ToArray();
        var month = corpus.Months[paper];
        var ownTerms = corpus.Terms.Vector(paper).Terms.Length;
        var inputs = new float[order.Length][];
        for (var r = 0; r < order.Length; r++)
        {
            var j = order[r];
            var c = candidates[j];
            var visible = 0;
            foreach (var citing in corpus.Snapshot.Citations.InNeighbors(c.Paper))
            {
                visible += citingVisible(citing) ? 1 : 0;
            }

            var x = new float[Count];
            c.Features.CopyTo(x, 0);
            var at = FeatureCount;
            x[at++] = (float)linear[j];
            x[at++] = MathF.Log(1 + r);
            foreach (var rank in ranks)
            {
                x[at++] = MathF.Log(1 + rank[j]);
            }

            x[at++] = corpus.Semantic?.Similarity(paper, c.Paper) ?? 0;
            x[at++] = text[c.Paper];
            x[at++] = AgeInMonths(month, corpus.Months[c.Paper]);
            x[at++] = MathF.Log(1 + visible);
            x[at++] = ownTerms;
            x[at] = corpus.Terms.Vector(c.Paper).Terms.Length;
            inputs[r] = x;
        }

        return (order.Select(j => candidates[j]).ToList(), order.Select(j => linear[j]).ToArray(), inputs);
    }

    /// <summary>Months between the two papers (a month unknown counts as mid-year; 0 when a year is unknown).</summary>
    private static float AgeInMonths(PaperMonth citing, PaperMonth cited) =>
        citing.Year is { } cy && cited.Year is { } y ? ((cy - y) * 12) + ((citing.Month == 0 ? 6 : citing.Month) - (cited.Month == 0 ? 6 : cited.Month)) : 0;

    private static int[] Ranks(IReadOnlyList<SuggestionCandidate> candidates, SuggestionFeature feature)
    {
        var order = Enumerable.Range(0, candidates.Count).OrderByDescending(i => candidates[i].Features[(int)feature]).ThenBy(i => i).ToArray();
        var ranks = new int[candidates.Count];
        for (var r = 0; r < order.Length; r++)
        {
            ranks[order[r]] = r;
        }

        return ranks;
    }
}
