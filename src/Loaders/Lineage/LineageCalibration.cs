namespace CiteGraph.Loaders.Lineage;

/// <summary>
/// Turns a rule's signals into a calibrated confidence: the share of such citations that are real. Method and title
/// rules use logistic models fitted on the NeurIPS/ICML corpus's citing papers from before 2020 against their real
/// reference lists (bench/lineage/fit_calibration.py prints these weights); 2020–2022 citing papers are held out to
/// measure precision and calibration (bench/RESULTS.md, "Inferred lineage"). Rules too rare there to fit (ids, et al.)
/// keep fixed confidences.
/// </summary>
public static class LineageCalibration
{
    /// <summary>The probability that a citation with these signals is real.</summary>
    public static double Confidence(LineageSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        return signals.Rule switch
        {
            // An explicit id is a strong statement even when dates disagree (a paper may name a later version's id).
            "arxiv" or "doi" => signals.Order < 0 ? 0.6 : 0.95,
            "et-al" => 0.85,
            "method" => Logistic(MethodWeights, MethodFeatures(signals)),
            "title" => Logistic(TitleWeights, TitleFeatures(signals)),
            "title-name" => Logistic(TitleNameWeights, TitleNameFeatures(signals)),
            _ => 0,
        };
    }

    /// <summary>
    /// The least similarity (<see cref="ILineageSimilarity"/>) a rule's proposal needs to be kept at all: below it the
    /// two papers are not about the same thing. Set on the training split (citing papers before 2020): method
    /// proposals below 0.2 were real about 5% of the time; title and title-name proposals below 0.05, never. Ids
    /// and "et al." need none: they name the paper.
    /// </summary>
    public static double MinSimilarity(string rule) => rule switch
    {
        "method" => 0.2,
        "title" or "title-name" => 0.05,
        _ => 0,
    };

    /// <summary>
    /// Inputs of the method model, in the order of <see cref="MethodWeights"/> (the fitting script computes the same).
    /// Few: the training split holds few proposals that pass the similarity floor, and more inputs overfit them.
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

    /// <summary>Inputs of the title model, in the order of <see cref="TitleWeights"/>.</summary>
    public static double[] TitleFeatures(LineageSignals s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return [1, Math.Min(s.TitleWords, 12), Math.Sqrt(s.Similarity), s.Similarity];
    }

    /// <summary>Inputs of the title-name model, in the order of <see cref="TitleNameWeights"/>.</summary>
    public static double[] TitleNameFeatures(LineageSignals s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return [1, Math.Sqrt(s.Similarity), Math.Log(1 + s.Users)];
    }

    // Fitted by bench/lineage/fit_calibration.py on citing papers before 2020 (26 method proposals above the
    // similarity floor, 17 real; 28 title-name proposals, 24 real), the L2 strength chosen by 5-fold cross-validation
    // on those alone. The title rule had 4 proposals there, too few to fit: its weights are set by hand near the old
    // fixed confidences (0.75 for a short title, 0.9 from six words), raised with similarity.
    private static readonly double[] MethodWeights = [8.636, 0.195, -2.292, 0.098];
    private static readonly double[] TitleWeights = [0.3, 0.15, 1.2, 0];
    private static readonly double[] TitleNameWeights = [1.786, 0.006, 0.001];

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
