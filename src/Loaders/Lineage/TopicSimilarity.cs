namespace CiteGraph.Loaders.Lineage;

/// <summary>
/// Cosine of the papers' topic sets (acronym definitions, key phrases, source keywords from the derive pass), each
/// topic weighted by its idf = ln(N / df): two papers sharing a rare topic are about the same thing, sharing "deep
/// learning" says little.
/// </summary>
public sealed class TopicSimilarity : ILineageSimilarity
{
    private readonly int[][] _topics;
    private readonly double[] _idf;
    private readonly double[] _norm;

    /// <summary>Builds the measure over each paper's topics (by index), in corpus order.</summary>
    public TopicSimilarity(IReadOnlyList<int[]> paperTopics)
    {
        ArgumentNullException.ThrowIfNull(paperTopics);
        _topics = [.. paperTopics.Select(t => t.Distinct().Order().ToArray())];
        var df = new Dictionary<int, int>();
        foreach (var topics in _topics)
        {
            foreach (var t in topics)
            {
                df[t] = df.GetValueOrDefault(t) + 1;
            }
        }

        var max = df.Count == 0 ? 0 : df.Keys.Max();
        _idf = new double[max + 1];
        foreach (var (t, n) in df)
        {
            _idf[t] = Math.Log((double)Math.Max(1, _topics.Length) / n);
        }

        _norm = [.. _topics.Select(ts => Math.Sqrt(ts.Sum(t => _idf[t] * _idf[t])))];
    }

    /// <inheritdoc />
    public string Name => "topics";

    /// <inheritdoc />
    public double Similarity(int a, int b)
    {
        if (_norm[a] == 0 || _norm[b] == 0)
        {
            return 0;
        }

        var x = _topics[a];
        var y = _topics[b];
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

        return Math.Clamp(dot / (_norm[a] * _norm[b]), 0, 1);
    }
}
