using System.Numerics.Tensors;
using CiteGraph.Graph.Storage;

namespace CiteGraph.Graph.Analytics;

/// <summary>
/// The semantic layer of the analytics graph: each paper's nearest papers by the cosine of their sentence embeddings, as
/// weighted arcs (paper → neighbour, weight = cosine). Exact: one SIMD dot product per pair, O(n²·d), seconds at 10,000
/// papers; a corpus much larger than that has citations dense enough not to need it, or should use an approximate index.
/// </summary>
public static class SemanticNeighbours
{
    /// <summary>Neighbours kept per paper (as the co-topic layer keeps ten).</summary>
    public const int DefaultNeighbours = 10;

    /// <summary>
    /// Papers with vectors beyond which the exact scan is not run (n² dot products: about 20 s at 11,000 papers on two busy
    /// cores, so about half an hour at 100,000); the auto rule then leaves the semantic layer out and says so.
    /// </summary>
    public const int MaxPapers = 50_000;

    /// <summary>Cosine below which a "nearest" paper is not about the same thing and is not linked.</summary>
    public const double MinCosine = 0.2;

    /// <summary>
    /// Arcs from each node with a vector to its <paramref name="k"/> most similar nodes (cosine ≥ <see cref="MinCosine"/>).
    /// Vectors of papers that are not nodes are ignored; nodes without one get no arcs.
    /// </summary>
    public static EdgeList Build(string[] nodeIds, IReadOnlyList<PaperVector> vectors, int k = DefaultNeighbours)
    {
        ArgumentNullException.ThrowIfNull(nodeIds);
        ArgumentNullException.ThrowIfNull(vectors);
        var index = new Dictionary<string, int>(nodeIds.Length, StringComparer.Ordinal);
        for (var i = 0; i < nodeIds.Length; i++)
        {
            index[nodeIds[i]] = i;
        }

        var rows = vectors.Where(v => index.ContainsKey(v.PaperId)).ToList();
        var n = rows.Count;
        if (n < 2)
        {
            return new EdgeList(nodeIds, [], [], []);
        }

        var d = rows[0].Vector.Length;
        var matrix = new float[n * d];
        for (var r = 0; r < n; r++)
        {
            rows[r].Vector.AsSpan(0, Math.Min(d, rows[r].Vector.Length)).CopyTo(matrix.AsSpan(r * d, d));
        }

        var best = new (int Row, float Score)[n][];
        Parallel.For(0, n, r =>
        {
            var mine = matrix.AsSpan(r * d, d);
            var top = new List<(int Row, float Score)>(k + 1);
            for (var o = 0; o < n; o++)
            {
                if (o == r)
                {
                    continue;
                }

                var score = TensorPrimitives.Dot(mine, matrix.AsSpan(o * d, d));
                if (score < MinCosine || (top.Count == k && score <= top[^1].Score))
                {
                    continue;
                }

                // Insertion into a list of at most k, best first; ties keep the lower row first.
                var at = top.Count;
                while (at > 0 && top[at - 1].Score < score)
                {
                    at--;
                }

                top.Insert(at, (o, score));
                if (top.Count > k)
                {
                    top.RemoveAt(k);
                }
            }

            best[r] = [.. top];
        });

        var sources = new List<int>(n * k);
        var targets = new List<int>(n * k);
        var weights = new List<float>(n * k);
        for (var r = 0; r < n; r++)
        {
            foreach (var (o, score) in best[r])
            {
                sources.Add(index[rows[r].PaperId]);
                targets.Add(index[rows[o].PaperId]);
                weights.Add(score);
            }
        }

        return new EdgeList(nodeIds, [.. sources], [.. targets], [.. weights]);
    }
}
