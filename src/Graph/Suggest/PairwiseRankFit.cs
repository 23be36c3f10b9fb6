namespace CiteGraph.Graph.Suggest;

/// <summary>
/// A pairwise (RankNet-style) logistic fit of <see cref="SuggestionWeights"/>: for each training paper, every known
/// reference in its candidate pool is paired with the hardest non-references (the ones ranked highest), and the weights
/// minimize the logistic loss of each pair's score difference, each paper weighing the same (as macro recall@k does).
/// Unlike coordinate search on recall@k, whose objective is a step function over a coarse grid, this loss is smooth, so
/// every weight moves at once and takes any value; weights stay ≥ 0 (projected) so the score stays a sum of evidence.
/// </summary>
public static class PairwiseRankFit
{
    /// <summary>Non-references paired with each reference: the top ones under the current weights.</summary>
    private const int HardNegatives = 50;

    /// <summary>Negatives are re-picked under the fitted weights this many times (the hard ones change as the weights do).</summary>
    private const int Rounds = 3;

    private const int Iterations = 300;

    private const double L2 = 1e-3;

    /// <summary>Fits weights for <paramref name="training"/>, only over <paramref name="allowed"/> features (others stay 0), starting from <paramref name="start"/>.</summary>
    public static SuggestionWeights Fit(
        IReadOnlyList<(IReadOnlyList<SuggestionCandidate> Candidates, IReadOnlySet<int> Known)> training, IReadOnlyCollection<SuggestionFeature> allowed, SuggestionWeights start)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(allowed);
        ArgumentNullException.ThrowIfNull(start);
        var featureCount = start.Values.Length;
        var mask = new bool[featureCount];
        foreach (var f in allowed)
        {
            mask[(int)f] = true;
        }

        var w = Enumerable.Range(0, featureCount).Select(f => mask[f] ? start.Values[f] : 0).ToArray();
        for (var round = 0; round < Rounds; round++)
        {
            var pairs = Pairs(training, w);
            if (pairs.Count == 0)
            {
                break;
            }

            Descend(pairs, w, mask);
        }

        // Scale so the largest weight is 4, the top of the coordinate-search grid: the ranking does not change, the printed weights compare.
        var max = w.Max();
        return max <= 0 ? start : SuggestionWeights.From(Enum.GetValues<SuggestionFeature>().ToDictionary(f => f, f => Math.Round(4 * w[(int)f] / max, 4)));
    }

    /// <summary>Feature differences (reference − non-reference), each with its paper's share of the loss (1 / the paper's pairs).</summary>
    private static List<(float[] Difference, double Weight)> Pairs(IReadOnlyList<(IReadOnlyList<SuggestionCandidate> Candidates, IReadOnlySet<int> Known)> training, double[] w)
    {
        var pairs = new List<(float[], double)>();
        foreach (var (candidates, known) in training)
        {
            var positives = candidates.Where(c => known.Contains(c.Paper)).ToList();
            var negatives = candidates.Where(c => !known.Contains(c.Paper))
                .OrderByDescending(c => Dot(w, c.Features)).ThenBy(c => c.Paper).Take(HardNegatives).ToList();
            if (positives.Count == 0 || negatives.Count == 0)
            {
                continue;
            }

            var share = 1.0 / (positives.Count * negatives.Count);
            foreach (var p in positives)
            {
                foreach (var n in negatives)
                {
                    var d = new float[p.Features.Length];
                    for (var f = 0; f < d.Length; f++)
                    {
                        d[f] = p.Features[f] - n.Features[f];
                    }

                    pairs.Add((d, share));
                }
            }
        }

        return pairs;
    }

    /// <summary>Projected gradient descent with Adam steps on the weighted pairwise logistic loss plus a small L2 term.</summary>
    private static void Descend(List<(float[] Difference, double Weight)> pairs, double[] w, bool[] mask)
    {
        var n = w.Length;
        var total = pairs.Sum(p => p.Weight);
        double[] m = new double[n], v = new double[n], gradient = new double[n];
        const double rate = 0.05, beta1 = 0.9, beta2 = 0.999;
        for (var t = 1; t <= Iterations; t++)
        {
            Array.Clear(gradient);
            foreach (var (d, weight) in pairs)
            {
                var margin = Dot(w, d);

                // d/dmargin of log(1 + e^−margin) = −σ(−margin).
                var g = -weight / (1 + Math.Exp(margin)) / total;
                for (var f = 0; f < n; f++)
                {
                    gradient[f] += g * d[f];
                }
            }

            for (var f = 0; f < n; f++)
            {
                if (!mask[f])
                {
                    continue;
                }

                var g = gradient[f] + L2 * w[f];
                m[f] = beta1 * m[f] + (1 - beta1) * g;
                v[f] = beta2 * v[f] + (1 - beta2) * g * g;
                var step = rate * (m[f] / (1 - Math.Pow(beta1, t))) / (Math.Sqrt(v[f] / (1 - Math.Pow(beta2, t))) + 1e-8);
                w[f] = Math.Max(0, w[f] - step);
            }
        }
    }

    private static double Dot(double[] w, float[] x)
    {
        var s = 0.0;
        for (var f = 0; f < x.Length; f++)
        {
            s += w[f] * x[f];
        }

        return s;
    }
}
