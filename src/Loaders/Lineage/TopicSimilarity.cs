namespace CiteGraph.Loaders.Lineage;

/// <summary>
/// Cosine of the papers' topic sets (acronym definitions, key phrases, source keywords from the derive pass), each
/// topic weighted by its idf = ln(N / df): two papers sharing a rare topic are about the same thing, sharing "deep
/// learning" says little.
/// </summary>
public sealed class TopicSimilarity : ILineageSimilarity
{
    private readonly IReadOnlyList<int[]> _paperTopics;
    private readonly double[] _idf;

    /// <summary>
    /// Builds the measure over each paper's topics (by index), in corpus order. Only the idf is computed here; a paper's
    /// sorted topic set and norm are made when a pair with it is judged (the gate asks about the proposals, a small share
    /// of the corpus: a sorted copy of every paper's topics was ~64 bytes a paper for the whole of lineage).
    /// </summary>
    public TopicSimilarity(IReadOnlyList<int[]> paperTopics)
    {
        ArgumentNullException.ThrowIfNull(paperTopics);
        _paperTopics = paperTopics;
        var df = new Dictionary<int, int>();
        foreach (var topics in paperTopics)
        {
            foreach (var t in topics.Distinct())
            {
                df[t] = df.GetValueOrDefault(t) + 1;
            }
        }

        var max = df.Count == 0 ? 0 : df.Keys.Max();
        _idf = new double[max + 1];
        foreach (var (t, n) in df)
        {
            _idf[t] = Math.Log((double)Math.Max(1, paperTopics.Count) / n);
        }
    }

    /// <inheritdoc />
    public string Name => "topics";

    /// <inheritdoc />
    public double Similarity(int a, int b)
    {
        var x = Sorted(a);
        var y = Sorted(b);
        var (normA, normB) = (Norm(x), Norm(y));
        if (normA == 0 || normB == 0)
        {
            return 0;
        }

        double dot = 0;
        for (int i = 0, j = 0; i < x.Length && j < y.Length;)
        {
            if (x[i] == y[j])
            {
                dot += _idf[x[i]] * _idf[x[i]];
                i++;
                j++;
            }
            else if (x[i] < y[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return Math.Clamp(dot / (normA * normB), 0, 1);
    }

    private int[] Sorted(int paper) => [.. _paperTopics[paper].Distinct().Order()];

    // Summed in topic order, as the norms were when they were made for every paper up front.
    private double Norm(int[] sorted) => Math.Sqrt(sorted.Sum(t => _idf[t] * _idf[t]));
}
