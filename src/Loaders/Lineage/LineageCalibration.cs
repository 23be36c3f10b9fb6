namespace CiteGraph.Loaders.Lineage;

/// <summary>
/// Turns a rule's signals into a calibrated confidence: the share of such citations that are real. The method,
/// title-name and phrase rules use logistic models fitted on the NeurIPS/ICML corpus's citing papers from before 2020
/// against their real reference lists (bench/lineage/fit_calibration.py prints these weights); 2020–2022 citing papers
/// are held out to measure precision and calibration (bench/RESULTS.md, "Inferred lineage"). Each of those rules has
/// two models: one over the cosine of the papers' sentence embeddings, used where both papers have a vector, and one
/// over the words' cosine alone, the fallback where they do not. Rules too rare there to fit (ids, et al., quoted
/// titles) keep fixed or hand-set confidences. The models' raw probability is then mapped to a conservative one
/// (<see cref="Conservative"/>): the lower bound of the precision such citations had on the training papers, not the
/// ratio, which a bin of 25 real out of 25 would put at 1.
/// </summary>
public static class LineageCalibration
{
    /// <summary>
    /// Raw probability → conservative confidence, piecewise linear through these points. Each point after the first is
    /// the upper edge of a bin of raw scores and the Wilson 95% lower bound of that bin's precision, measured on the
    /// citing papers before 2020 with every proposal scored out of fold (5 folds by citing paper, each model refitted
    /// on the other four), one per pair, adjacent bins pooled until precision rises (bench/lineage/fit_calibration.py
    /// prints them), and a bin of fewer than 50 proposals pooled with the one below: [0.5, 0.6) 40 of 71 real,
    /// [0.6, 0.7) 40 of 57, [0.7, 1] 90 of 107 (31/37 and 32/42 were not in order; the top bin alone, 27 of 28, gave a
    /// bound of 0.823 that the 2020–2022 papers measured at 0.75, bench/RESULTS.md). Within a bin the confidence rises
    /// from the previous bin's bound to its own, so it never exceeds the bound of the bin it is in and the order of the
    /// raw scores is kept.
    /// </summary>
    public static IReadOnlyList<(double Raw, double Confidence)> ConservativeAnchors { get; } =
        [(0.0, 0.0), (0.6, 0.448), (0.7, 0.573), (1.0, 0.760)];

    /// <summary>
    /// The default threshold of inferred citations (eval-lineage, bench/RESULTS.md): the conservative confidence of a raw
    /// score of 0.7, chosen by a rule fixed before the test papers were looked at (bench/lineage/fit_calibration.py):
    /// the lowest raw edge, in steps of 0.05, whose citations were at least 83% real out of fold on the training papers
    /// (a margin over the 0.80 bar) with at least 1.5 times the recall target (0.012) of their 3,655 real pairs:
    /// 107 proposals, 90 real (0.841; 0.65 gave 0.796).
    /// </summary>
    public static double DefaultThreshold { get; } = Conservative(0.7);

    /// <summary>The least confidence the derive pass writes: the conservative confidence of a raw score of 0.5.</summary>
    public static double WriteFloor { get; } = Conservative(0.5);

    /// <summary>The conservative confidence of a raw model probability (<see cref="ConservativeAnchors"/>), in [0, 1].</summary>
    public static double Conservative(double raw)
    {
        var anchors = ConservativeAnchors;
        raw = Math.Clamp(raw, 0, 1);
        for (var i = 1; i < anchors.Count; i++)
        {
            if (raw <= anchors[i].Raw)
            {
                var (x0, y0) = anchors[i - 1];
                var (x1, y1) = anchors[i];
                return y0 + ((raw - x0) / (x1 - x0) * (y1 - y0));
            }
        }

        return anchors[^1].Confidence;
    }

    /// <summary>
    /// The share of citations with these signals that are real, conservatively: the raw probability
    /// (<see cref="RawConfidence"/>) mapped by <see cref="Conservative"/>.
    /// </summary>
    public static double Confidence(LineageSignals signals) => Conservative(RawConfidence(signals));

    /// <summary>The probability a rule's model gives a citation with these signals, before the conservative map.</summary>
    public static double RawConfidence(LineageSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var semantic = signals.Semantic is not null;
        return signals.Rule switch
        {
            // An explicit id is a strong statement even when dates disagree (a paper may name a later version's id).
            "arxiv" or "doi" => signals.Order < 0 ? 0.6 : 0.95,
            "et-al" => 0.85,
            "method" when semantic => Logistic(SemanticMethodWeights, SemanticMethodFeatures(signals)),
            "method" => Logistic(MethodWeights, MethodFeatures(signals)),
            "title" => Logistic(TitleWeights, TitleFeatures(signals)),
            "title-name" when semantic => Logistic(SemanticTitleNameWeights, SemanticFeatures(signals)),
            "title-name" => Logistic(TitleNameWeights, TitleNameFeatures(signals)),
            "phrase" when semantic => Logistic(SemanticPhraseWeights, SemanticPhraseFeatures(signals)),
            "phrase" => Logistic(PhraseWeights, PhraseFeatures(signals)),
            _ => 0,
        };
    }

    /// <summary>
    /// Whether a proposal survives the same-subject check: the embeddings' cosine at least <see cref="MinSemantic"/>
    /// where both papers have a vector, else the words' cosine at least <see cref="MinSimilarity"/>.
    /// </summary>
    public static bool PassesGate(LineageSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        return signals.Semantic is { } semantic ? semantic >= MinSemantic(signals.Rule) : signals.Similarity >= MinSimilarity(signals.Rule);
    }

    /// <summary>
    /// The least cosine of the two papers' sentence embeddings (all-MiniLM-L6-v2) a rule's proposal needs where both
    /// have one. Set on the training split (citing papers before 2020): no method or title-name proposal below 0.46
    /// was real there; phrase proposals below 0.6 were real 6–18% of the time (against about 40% above), a rate no
    /// other signal lifts to a usable confidence. Ids and "et al." need none: they name the paper.
    /// </summary>
    public static double MinSemantic(string rule) => rule switch
    {
        "method" or "title" or "title-name" => 0.5,
        "phrase" => 0.6,
        _ => 0,
    };

    /// <summary>
    /// The least similarity of the papers' words (<see cref="TermSimilarity"/>) a rule's proposal needs where the papers
    /// have no embeddings: below it the two papers are not about the same thing. Set on the training split: method
    /// proposals below 0.2 were real about 5% of the time; title and title-name proposals below 0.05, never; phrase
    /// proposals below 0.1, rarely.
    /// </summary>
    public static double MinSimilarity(string rule) => rule switch
    {
        "method" => 0.2,
        "title" or "title-name" => 0.05,
        "phrase" => 0.1,
        _ => 0,
    };

    /// <summary>
    /// Inputs of the method model over words only, in the order of <see cref="MethodWeights"/> (the fitting script
    /// computes the same). Few: the training split holds few proposals that pass the gate, and more inputs overfit them.
    /// </summary>
    public static double[] MethodFeatures(LineageSignals s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return
        [
            1,
            Math.Sqrt(s.Similarity),
            Math.Log(1 + s.Users),  // a name everyone uses is weak evidence of one source
            s.Claim >= 4 ? 1 : 0,   // the cited paper is named after it
        ];
    }

    /// <summary>Inputs of the method model with embeddings, in the order of <see cref="SemanticMethodWeights"/>.</summary>
    public static double[] SemanticMethodFeatures(LineageSignals s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return [1, s.Semantic ?? 0, Math.Sqrt(s.Similarity), Math.Log(1 + s.Users), s.Claim >= 4 ? 1 : 0];
    }

    /// <summary>Inputs of the title-name and phrase models with embeddings, in the order of their weights.</summary>
    public static double[] SemanticFeatures(LineageSignals s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return [1, s.Semantic ?? 0, Math.Sqrt(s.Similarity), Math.Log(1 + s.Users)];
    }

    /// <summary>
    /// Inputs of the phrase model with embeddings, in the order of <see cref="SemanticPhraseWeights"/>: those of
    /// <see cref="SemanticFeatures"/>, then whether the cited paper is the first to write the phrase, how many earlier
    /// papers the citing paper's rare phrases point to (log), and whether the two papers are of the same month (a
    /// concurrent paper sharing wording rarely cites the other). Kept because, scored out of fold on the training papers,
    /// they put more real citations among the most confident (bench/RESULTS.md, sixth pass).
    /// </summary>
    public static double[] SemanticPhraseFeatures(LineageSignals s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return
        [
            1, s.Semantic ?? 0, Math.Sqrt(s.Similarity), Math.Log(1 + s.Users),
            s.Earlier == 0 ? 1 : 0, Math.Log(Math.Max(1, s.Proposed)), s.Order == 0 ? 1 : 0,
        ];
    }

    /// <summary>Inputs of the title model, in the order of <see cref="TitleWeights"/>.</summary>
    public static double[] TitleFeatures(LineageSignals s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return [1, Math.Min(s.TitleWords, 12), Math.Sqrt(s.Similarity), s.Similarity];
    }

    /// <summary>Inputs of the title-name model over words only, in the order of <see cref="TitleNameWeights"/>.</summary>
    public static double[] TitleNameFeatures(LineageSignals s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return [1, Math.Sqrt(s.Similarity), Math.Log(1 + s.Users)];
    }

    /// <summary>Inputs of the phrase model over words only, in the order of <see cref="PhraseWeights"/>.</summary>
    public static double[] PhraseFeatures(LineageSignals s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return [1, Math.Sqrt(s.Similarity), Math.Log(1 + s.Users)];
    }

    // Fitted by bench/lineage/fit_calibration.py on citing papers before 2020 (`derive --lineage-signals` of the
    // NeurIPS/ICML corpus, 2026-12-04; the phrase model with embeddings refitted 2026-12-05 with its three added inputs),
    // the L2 strength chosen by 5-fold cross-validation on those alone. With
    // embeddings: 46 method proposals above the gate (22 real), 26 title-name (23 real), 661 phrase (267 real). Words
    // only: 26 method (17 real), 28 title-name (24 real), 1,466 phrase (378 real). The title rule had 3–4 proposals there,
    // too few to fit: its weights are set by hand near the old fixed confidences (0.75 for a short title, 0.9 from six
    // words), raised with similarity.
    private static readonly double[] MethodWeights = [13.995, 5.209, -4.143, 0.021];
    private static readonly double[] SemanticMethodWeights = [7.025, 0.701, 0.531, -2.194, 0.204];
    private static readonly double[] TitleWeights = [0.3, 0.15, 1.2, 0];
    private static readonly double[] TitleNameWeights = [1.774, 0.019, 0.003];
    private static readonly double[] SemanticTitleNameWeights = [6.002, 0.187, -0.143, -1.245];
    private static readonly double[] PhraseWeights = [-3.412, 8.690, -0.682];
    private static readonly double[] SemanticPhraseWeights = [-5.556, 4.720, 5.743, -0.242, 0.463, -0.270, -1.230];

    private static double Logistic(double[] weights, double[] features)
    {
        var z = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            z += weights[i] * features[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }
}
