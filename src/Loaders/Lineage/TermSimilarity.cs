using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Topics;

namespace CiteGraph.Loaders.Lineage;

/// <summary>
/// TF-IDF cosine over the content words of title and abstract (American spelling, singular, stop words dropped;
/// sublinear term frequency, idf = ln(N / df)). Words that occur in one paper only carry no shared evidence and are
/// dropped. Vectors are sparse, sorted by word id and unit length, so a pair costs one merge of two short lists.
/// </summary>
public sealed class TermSimilarity : ILineageSimilarity
{
    private readonly (int Word, float Weight)[][] _vectors;

    /// <summary>Builds the vectors of <paramref name="papers"/>; the indexes of <see cref="Similarity"/> are theirs.</summary>
    public TermSimilarity(IReadOnlyList<LineagePaper> papers)
    {
        ArgumentNullException.ThrowIfNull(papers);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new Dictionary<int, int>[papers.Count];
        var df = new List<int>();
        for (var i = 0; i < papers.Count; i++)
        {
            var tf = new Dictionary<int, int>();
            foreach (var raw in TopicKey.Words(papers[i].Text))
            {
                if (raw.Length < 3 || StopWords.All.Contains(raw) || raw.All(char.IsDigit))
                {
                    continue;
                }

                var word = TopicKey.Singular(TopicKey.American(raw));
                if (!ids.TryGetValue(word, out var id))
                {
                    ids[word] = id = ids.Count;
                    df.Add(0);
                }

                if (tf.TryGetValue(id, out var n))
                {
                    tf[id] = n + 1;
                }
                else
                {
                    tf[id] = 1;
                    df[id]++;
                }
            }

            counts[i] = tf;
        }

        var total = Math.Max(1, papers.Count);
        _vectors = new (int, float)[papers.Count][];
        for (var i = 0; i < papers.Count; i++)
        {
            var vector = counts[i].Where(t => df[t.Key] > 1)
                .Select(t => (Word: t.Key, Weight: (1 + Math.Log(t.Value)) * Math.Log((double)total / df[t.Key])))
                .Where(t => t.Weight > 0)
                .OrderBy(t => t.Word)
                .ToArray();
            var norm = Math.Sqrt(vector.Sum(t => t.Weight * t.Weight));
            _vectors[i] = norm == 0 ? [] : [.. vector.Select(t => (t.Word, (float)(t.Weight / norm)))];
        }
    }

    /// <inheritdoc />
    public string Name => "terms";

    /// <inheritdoc />
    public double Similarity(int a, int b)
    {
        var x = _vectors[a];
        var y = _vectors[b];
        double dot = 0;
        for (int i = 0, j = 0; i < x.Length && j < y.Length;)
        {
            var order = x[i].Word.CompareTo(y[j].Word);
            if (order == 0)
            {
                dot += x[i++].Weight * y[j++].Weight;
            }
            else if (order < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return Math.Clamp(dot, 0, 1);
    }
}
