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
    // Only the papers of the pairs asked about get a vector; those made on demand (papers not prepared) are cached, the
    // last few thousand. A vector is the same whenever it is made, so the cache changes the time a pair takes, never its
    // similarity.
    private const int CachedVectors = 65_536;
    private readonly Dictionary<int, (int Word, float Weight)[]> _vectors = [];
    // The vectors made up front for the papers the gate will ask about (Prepare), by paper; null for the others.
    private (int Word, float Weight)[]?[]? _prepared;

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

    /// <summary>
    /// Makes the vectors of <paramref name="papers"/> (the cited papers of the proposals the gate will judge) now, each
    /// once, in corpus order; <see cref="Similarity"/> reads them instead of making them again.
    /// </summary>
    /// <remarks>
    /// The gate judges the proposals in (citing, cited) order: the citing paper's vector is asked for again and again, the
    /// cited paper's at random, and the cache of the last few thousand vectors held fewer of them the larger the corpus
    /// (a vector made again is a text read back from disk, split into words and looked up in a vocabulary that grows with
    /// the corpus): the judging took 10x the CPU for 5x the papers (200K → 1M, coined corpus). Made once each, they cost
    /// ~8 bytes a word of df above 1 for every cited paper, and the texts are read in order. A vector is the same whenever
    /// it is made, so no similarity changes.
    /// </remarks>
    /// <param name="papers">Indexes of the papers whose vectors to make now.</param>
    public void Prepare(IEnumerable<int> papers)
    {
        ArgumentNullException.ThrowIfNull(papers);
        _prepared ??= new (int Word, float Weight)[]?[_papers.Count];
        foreach (var paper in papers.Order())
        {
            _prepared[paper] = Make(paper);
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
        if (_prepared?[paper] is { } prepared)
        {
            return prepared;
        }

        if (_vectors.TryGetValue(paper, out var cached))
        {
            return cached;
        }

        var unit = Make(paper);
        if (_vectors.Count >= CachedVectors)
        {
            // Proposals come paper by paper within a rule: the vectors asked for lately are the ones asked for next.
            _vectors.Clear();
        }

        _vectors[paper] = unit;
        return unit;
    }

    /// <summary>The paper's unit TF-IDF vector over the words of df above 1, sorted by word id.</summary>
    private (int Word, float Weight)[] Make(int paper)
    {
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
        return norm == 0 ? [] : [.. vector.Select(t => (t.Word, (float)(t.Weight / norm)))];
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
