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
    private readonly IReadOnlyList<LineagePaper> _papers;
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<int> _df = [];
    // Only the papers of the pairs asked about get a vector, and only the last few thousand are kept: the gate asks about
    // the proposals, which on a generated corpus are ~3 a paper and involve nearly every paper (a vector is ~250 bytes:
    // gigabytes at ten million papers if all were kept). A vector is the same whenever it is made, so the cache changes
    // the time a pair takes, never its similarity.
    private const int CachedVectors = 65_536;
    private readonly Dictionary<int, (int Word, float Weight)[]> _vectors = [];

    /// <summary>Counts the document frequencies over <paramref name="papers"/>; the indexes of <see cref="Similarity"/> are theirs.</summary>
    public TermSimilarity(IReadOnlyList<LineagePaper> papers)
    {
        ArgumentNullException.ThrowIfNull(papers);
        _papers = papers;
        var seen = new HashSet<int>();
        for (var i = 0; i < papers.Count; i++)
        {
            // Word ids in order of first appearance over the corpus, as the vectors are sorted by them.
            seen.Clear();
            foreach (var word in Words(papers[i].Text))
            {
                if (!_ids.TryGetValue(word, out var id))
                {
                    _ids[word] = id = _ids.Count;
                    _df.Add(0);
                }

                if (seen.Add(id))
                {
                    _df[id]++;
                }
            }
        }
    }

    private static IEnumerable<string> Words(string text)
    {
        foreach (var raw in TopicKey.Words(text))
        {
            if (raw.Length < 3 || StopWords.All.Contains(raw) || raw.All(char.IsDigit))
            {
                continue;
            }

            yield return TopicKey.Singular(TopicKey.American(raw));
        }
    }

    private (int Word, float Weight)[] Vector(int paper)
    {
        if (_vectors.TryGetValue(paper, out var cached))
        {
            return cached;
        }

        // Term counts in order of first appearance in the text (a Dictionary keeps insertion order without removals).
        var tf = new Dictionary<int, int>();
        foreach (var word in Words(_papers[paper].Text))
        {
            var id = _ids[word];
            tf[id] = tf.GetValueOrDefault(id) + 1;
        }

        var total = Math.Max(1, _papers.Count);
        var vector = tf.Where(t => _df[t.Key] > 1)
            .Select(t => (Word: t.Key, Weight: (1 + Math.Log(t.Value)) * Math.Log((double)total / _df[t.Key])))
            .Where(t => t.Weight > 0)
            .OrderBy(t => t.Word)
            .ToArray();
        var norm = Math.Sqrt(vector.Sum(t => t.Weight * t.Weight));
        (int Word, float Weight)[] unit = norm == 0 ? [] : [.. vector.Select(t => (t.Word, (float)(t.Weight / norm)))];
        if (_vectors.Count >= CachedVectors)
        {
            // Proposals come paper by paper within a rule: the vectors asked for lately are the ones asked for next.
            _vectors.Clear();
        }

        _vectors[paper] = unit;
        return unit;
    }

    /// <inheritdoc />
    public string Name => "terms";

    /// <inheritdoc />
    public double Similarity(int a, int b)
    {
        var x = Vector(a);
        var y = Vector(b);
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
