namespace CiteGraph.Graph.Suggest;

/// <summary>
/// A linear map of sentence embeddings learned from citations: <c>W</c> is fitted so that <c>W·x</c> of a citing paper
/// lies near the embeddings of the papers it cites (least squares, shrunk towards the identity), so the cosine of
/// <c>W·x</c> with a candidate's embedding says how much the candidate looks like what papers of this kind cite —
/// often more general or foundational work that a plain cosine ranks low. Fitted only on the citations a
/// <see cref="CitationModels"/> is allowed to see (those made before its cut-off year).
/// </summary>
/// <remarks>
/// Ridge regression towards the identity: minimize Σ‖W·xᵢ − yᵢ‖² + λ‖W − I‖² over the n citing/cited pairs (xᵢ, yᵢ), whose
/// solution is W = (YᵀX + λI)(XᵀX + λI)⁻¹, one Cholesky factorization of a d×d matrix (d = 384 for all-MiniLM-L6-v2), with
/// λ proportional to n. Since the result is normalized, even a map close to the identity moves the ranking.
/// </remarks>
public sealed class CitationProjection
{
    private readonly float[] _map;
    private readonly int _dimensions;

    private CitationProjection(float[] map, int dimensions, int pairs)
    {
        _map = map;
        _dimensions = dimensions;
        Pairs = pairs;
    }

    /// <summary>Citing/cited pairs the map was fitted on.</summary>
    public int Pairs { get; }

    /// <summary>
    /// Fits the map on <paramref name="pairs"/> (citing, cited) of vectors from <paramref name="vector"/>; null when fewer
    /// than <paramref name="minPairs"/> pairs have both vectors.
    /// </summary>
    /// <param name="pairs">Citations as (citing, cited) dense paper indexes.</param>
    /// <param name="vector">A paper's unit vector, or null when it has none.</param>
    /// <param name="shrinkage">
    /// Shrinkage towards the identity relative to the number of pairs (λ = shrinkage × pairs: 1 weighs the identity like as
    /// many pairs again that map each vector onto itself), so the map is as strong fitted on 1,000 citations as on 4,000
    /// and weights fitted with a smaller graph carry over to a larger one; more pairs only make it less noisy.
    /// </param>
    /// <param name="minPairs">Fewer pairs than this fit nothing.</param>
    public static CitationProjection? Fit(IEnumerable<(int Citing, int Cited)> pairs, Func<int, ReadOnlyMemory<float>?> vector, double shrinkage, int minPairs = 20)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(vector);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shrinkage);
        double[]? xtx = null, ytx = null;
        var d = 0;
        var count = 0;
        foreach (var (citing, cited) in pairs)
        {
            if (vector(citing) is not { } xm || vector(cited) is not { } ym || xm.Length != ym.Length || xm.Length == 0)
            {
                continue;
            }

            if (xtx is null)
            {
                d = xm.Length;
                xtx = new double[d * d];
                ytx = new double[d * d];
            }
            else if (xm.Length != d)
            {
                continue;
            }

            var x = xm.Span;
            var y = ym.Span;
            for (var i = 0; i < d; i++)
            {
                double xi = x[i], yi = y[i];
                var row = i * d;
                for (var j = 0; j < d; j++)
                {
                    xtx[row + j] += xi * x[j];
                    ytx![row + j] += yi * x[j];
                }
            }

            count++;
        }

        if (xtx is null || count < minPairs)
        {
            return null;
        }

        var lambda = shrinkage * count;
        for (var i = 0; i < d; i++)
        {
            xtx[(i * d) + i] += lambda;
            ytx![(i * d) + i] += lambda;
        }

        // W·A = B with A = XᵀX + λI (symmetric positive definite) and B = YᵀX + λI: solve A·Wᵀ = Bᵀ column by column.
        var chol = Cholesky(xtx, d);
        var map = new float[d * d];
        var column = new double[d];
        for (var r = 0; r < d; r++)
        {
            // Row r of W solves A·w = (row r of B)ᵀ, A being symmetric.
            for (var j = 0; j < d; j++)
            {
                column[j] = ytx![(r * d) + j];
            }

            Solve(chol, d, column);
            for (var j = 0; j < d; j++)
            {
                map[(r * d) + j] = (float)column[j];
            }
        }

        return new CitationProjection(map, d, count);
    }

    /// <summary>W·x normalized to unit length (a zero vector stays zero); null when the length differs from the map's.</summary>
    public float[]? Project(ReadOnlySpan<float> x)
    {
        if (x.Length != _dimensions)
        {
            return null;
        }

        var result = new float[_dimensions];
        double norm = 0;
        for (var r = 0; r < _dimensions; r++)
        {
            var value = VectorMath.Dot(_map.AsSpan(r * _dimensions, _dimensions), x);
            result[r] = value;
            norm += (double)value * value;
        }

        if (norm > 0)
        {
            var scale = (float)(1 / Math.Sqrt(norm));
            for (var r = 0; r < _dimensions; r++)
            {
                result[r] *= scale;
            }
        }

        return result;
    }

    /// <summary>Lower-triangular L with L·Lᵀ = A (A symmetric positive definite, row-major d×d).</summary>
    private static double[] Cholesky(double[] a, int d)
    {
        var l = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[(i * d) + j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[(i * d) + k] * l[(j * d) + k];
                }

                l[(i * d) + j] = i == j ? Math.Sqrt(Math.Max(sum, 1e-12)) : sum / l[(j * d) + j];
            }
        }

        return l;
    }

    /// <summary>Solves L·Lᵀ·x = b in place.</summary>
    private static void Solve(double[] l, int d, double[] b)
    {
        for (var i = 0; i < d; i++)
        {
            var sum = b[i];
            for (var k = 0; k < i; k++)
            {
                sum -= l[(i * d) + k] * b[k];
            }

            b[i] = sum / l[(i * d) + i];
        }

        for (var i = d - 1; i >= 0; i--)
        {
            var sum = b[i];
            for (var k = i + 1; k < d; k++)
            {
                sum -= l[(k * d) + i] * b[k];
            }

            b[i] = sum / l[(i * d) + i];
        }
    }
}
