using System.Collections.Immutable;
using System.Globalization;

namespace CiteGraph.Graph.Suggest;

/// <summary>How much each <see cref="SuggestionFeature"/> counts in a suggestion's score (a weighted sum of features scaled to [0, 1]).</summary>
public sealed record SuggestionWeights
{
    private static readonly int FeatureCount = Enum.GetValues<SuggestionFeature>().Length;

    private SuggestionWeights(ImmutableArray<double> values) => Values = values;

    /// <summary>One weight per feature, indexed by <see cref="SuggestionFeature"/>.</summary>
    public ImmutableArray<double> Values { get; }

    public double this[SuggestionFeature feature] => Values[(int)feature];

    /// <summary>
    /// The weights the API and <c>eval-suggest</c> use by default: fitted by <see cref="SuggestionWeightFit"/>
    /// (<c>citegraph eval-suggest --fit-years 2018-2019 --fit-graph-before 2018</c>) on the neurips-icml-citations papers
    /// of 2018–2019 as the citing side, each seeing only citations made before 2018 (and before its own month), never
    /// on the 2020–2022 papers that bench/RESULTS.md evaluates. The graph is frozen in the fit as it is in that evaluation
    /// (whose papers see only citations made before 2020), so the weights learn how far the citation features carry when
    /// the graph lags behind a paper. See bench/RESULTS.md ("Suggested references") for the run.
    /// </summary>
    /// <remarks>
    /// Fit of 2026-12-04 with all-MiniLM-L6-v2 embeddings stored (100 similar papers, similarity cubed; two starts):
    /// training recall@10 0.548, MRR 0.526 on the 873 training papers. Popularity and direct (inferred) citations got
    /// weight 0: under a lagging graph the votes of similar papers (cited-by-similar) carry what popularity knows.
    /// The citation-trained features (<see cref="SuggestionFeature.CitationSemantic"/>, <see cref="SuggestionFeature.TermAssociation"/>)
    /// weigh 0 here: the same fit with them (2026-12-04, 2-fold cross-validated recall@10 on the training papers 0.550
    /// against 0.536 without) reached 0.437 on the 2020–2022 papers against 0.438 without, so they are kept as
    /// features (and reasons) but not served until a corpus with more citations to learn from shows a gain.
    /// Refitted 2026-12-05 with <see cref="SuggestionFitMethod.PairwiseThenSearch"/> (2-fold cross-validated recall@10 0.544
    /// against 0.536 for coordinate search alone): on the whole training set the coordinate search's own starts win, so the
    /// weights are the same. <see cref="SuggestionFeature.TitleMention"/> and <see cref="SuggestionFeature.RecentPopularity"/>
    /// weigh 0 (cross-validated they did not help: see bench/RESULTS.md).
    /// Refitted 2026-12-05 (branch suggest10, the same fit) with <see cref="SuggestionFeature.GraphWalk"/>, which gained
    /// recall@10 forward in time (weights fitted on the 2012–2017 papers, judged on 2018–2019: 0.5456 against 0.5355) and in
    /// 2-fold cross-validation on 2018–2019 (0.5461 against 0.5396): training recall@10 0.553, MRR 0.537; on the
    /// 2020–2022 papers 0.446 (bench/RESULTS.md). GraphWalk's 0.3299 is the pairwise start's value, which the search kept.
    /// Refitted 2026-12-06 (session 15, the same fit and features) after a leak in the training papers' view was closed:
    /// a held-out paper's citation-age rates (<see cref="SuggestionFeature.Recency"/>) and the most cited papers that join
    /// its candidates were counted over every citation of the graph, so a training paper of 2018 saw its own and later
    /// citations through them; now both count only citations made before it (<see cref="SuggestionCorpus.VisibleTo"/>).
    /// Training recall@10 0.556, MRR 0.545. <see cref="SuggestionFeature.ItemBias"/> weighs 0 (cross-validated on the
    /// training papers it gained +0.002 with the graph frozen and +0.004 held out by paper, about one standard error).
    /// </remarks>
    public static SuggestionWeights Fitted { get; } = From(new Dictionary<SuggestionFeature, double>
    {
        [SuggestionFeature.KeyTerms] = 1.5,
        [SuggestionFeature.Semantic] = 1.5,
        [SuggestionFeature.CitedBySimilar] = 0.75,
        [SuggestionFeature.Popularity] = 0.25,
        [SuggestionFeature.CoCitation] = 0.5,
        [SuggestionFeature.Coupling] = 0.25,
        [SuggestionFeature.Recency] = 0.5,
        [SuggestionFeature.GraphWalk] = 0.5,
    });

    /// <summary>Weights from a map; features not named weigh 0.</summary>
    public static SuggestionWeights From(IReadOnlyDictionary<SuggestionFeature, double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var values = new double[FeatureCount];
        foreach (var (feature, weight) in weights)
        {
            if (!double.IsFinite(weight) || weight < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(weights), weight, $"The weight of {feature} must be a finite number ≥ 0.");
            }

            values[(int)feature] = weight;
        }

        return new SuggestionWeights([.. values]);
    }

    /// <summary>One feature alone (weight 1), for measuring what each contributes.</summary>
    public static SuggestionWeights Only(SuggestionFeature feature) => From(new Dictionary<SuggestionFeature, double> { [feature] = 1 });

    /// <summary>The same weights with one changed.</summary>
    public SuggestionWeights With(SuggestionFeature feature, double weight) =>
        From(Enum.GetValues<SuggestionFeature>().ToDictionary(f => f, f => f == feature ? weight : this[f]));

    /// <summary>"KeyTerms=1, CitedBySimilar=0.5, …" (zero weights left out).</summary>
    public override string ToString() => string.Join(", ", Enum.GetValues<SuggestionFeature>()
        .Where(f => this[f] > 0).Select(f => string.Create(CultureInfo.InvariantCulture, $"{f}={this[f]:0.###}")));
}
