namespace CiteGraph.Graph.Suggest;

/// <summary>
/// TF-IDF vectors of every paper's title and abstract (unigrams and adjacent-word bigrams, title words counted twice,
/// sublinear term frequency, smoothed idf, L2-normalized) and the inverted index that finds a paper's most similar
/// papers without comparing all pairs.
/// </summary>
public sealed class TermIndex
{
    /// <summary>Terms (and their papers) carried by more than this share of papers say nothing about a paper.</summary>
    private const double MaxDocumentShare = 0.25;

    private readonly string[] _terms;
    private readonly int[][] _postingPapers;
    private readonly float[][] _postingWeights;
    private readonly int[][] _paperTerms;
    private readonly float[][] _paperWeights;
    private readonly int[][] _titleTerms;
    private readonly float[] _idf;

    private TermIndex(string[] terms, int[][] postingPapers, float[][] postingWeights, int[][] paperTerms, float[][] paperWeights, int[][] titleTerms, float[] idf)
    {
        _terms = terms;
        _postingPapers = postingPapers;
        _postingWeights = postingWeights;
        _paperTerms = paperTerms;
        _paperWeights = paperWeights;
        _titleTerms = titleTerms;
        _idf = idf;
    }

    /// <summary>Number of papers indexed (dense indexes 0 … count − 1).</summary>
    public int PaperCount => _paperTerms.Length;

    /// <summary>Builds the index over <paramref name="texts"/>, one (title, abstract) per dense paper index; null for papers without text.</summary>
    public static TermIndex Build(IReadOnlyList<(string Title, string? Abstract)?> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new Dictionary<int, int>[texts.Count];
        var titles = new HashSet<int>[texts.Count];
        var df = new List<int>();
        for (var p = 0; p < texts.Count; p++)
        {
            var tf = counts[p] = [];
            var title = titles[p] = [];
            if (texts[p] is not { } text)
            {
                continue;
            }

            int Count(string term, int times)
            {
                if (!vocabulary.TryGetValue(term, out var id))
                {
                    id = vocabulary[term] = vocabulary.Count;
                    df.Add(0);
                }

                if (!tf.TryGetValue(id, out var n))
                {
                    df[id]++;
                }

                tf[id] = n + times;
                return id;
            }

            foreach (var term in Tokenizer.Terms(text.Title))
            {
                title.Add(Count(term, 2));
            }

            foreach (var term in Tokenizer.Terms(text.Abstract))
            {
                Count(term, 1);
            }
        }

        var papers = Math.Max(1, texts.Count);
        var idf = df.Select(d => d <= 1 || d > papers * MaxDocumentShare ? 0f : (float)(Math.Log((1.0 + papers) / (1.0 + d)) + 1)).ToArray();
        var paperTerms = new int[texts.Count][];
        var paperWeights = new float[texts.Count][];
        var postingCounts = new int[df.Count];
        for (var p = 0; p < texts.Count; p++)
        {
            var entries = counts[p].Where(e => idf[e.Key] > 0)
                .Select(e => (Term: e.Key, Weight: (float)((1 + Math.Log(e.Value)) * idf[e.Key])))
                .OrderBy(e => e.Term).ToArray();
            var norm = (float)Math.Sqrt(entries.Sum(e => (double)e.Weight * e.Weight));
            paperTerms[p] = entries.Select(e => e.Term).ToArray();
            paperWeights[p] = entries.Select(e => norm > 0 ? e.Weight / norm : 0f).ToArray();
            foreach (var e in entries)
            {
                postingCounts[e.Term]++;
            }

            counts[p] = null!;
        }

        var postingPapers = postingCounts.Select(c => new int[c]).ToArray();
        var postingWeights = postingCounts.Select(c => new float[c]).ToArray();
        Array.Clear(postingCounts);
        for (var p = 0; p < texts.Count; p++)
        {
            for (var i = 0; i < paperTerms[p].Length; i++)
            {
                var t = paperTerms[p][i];
                postingPapers[t][postingCounts[t]] = p;
                postingWeights[t][postingCounts[t]++] = paperWeights[p][i];
            }
        }

        var terms = new string[vocabulary.Count];
        foreach (var (term, id) in vocabulary)
        {
            terms[id] = term;
        }

        var titleTerms = titles.Select(t => t.Where(term => idf[term] > 0).Order().ToArray()).ToArray();
        return new TermIndex(terms, postingPapers, postingWeights, paperTerms, paperWeights, titleTerms, idf);
    }

    /// <summary>The paper's term ids, ascending, and their L2-normalized TF-IDF weights (aligned).</summary>
    public (int[] Terms, float[] Weights) Vector(int paper) => (_paperTerms[paper], _paperWeights[paper]);

    /// <summary>The text of a term id.</summary>
    public string Term(int term) => _terms[term];

    /// <summary>Cosine similarity of <paramref name="paper"/> to every paper sharing a term with it, added into <paramref name="similarity"/> (length <see cref="PaperCount"/>).</summary>
    public void Similarities(int paper, float[] similarity)
    {
        ArgumentNullException.ThrowIfNull(similarity);
        var terms = _paperTerms[paper];
        var weights = _paperWeights[paper];
        for (var i = 0; i < terms.Length; i++)
        {
            var w = weights[i];
            var papers = _postingPapers[terms[i]];
            var others = _postingWeights[terms[i]];
            for (var j = 0; j < papers.Length; j++)
            {
                similarity[papers[j]] += w * others[j];
            }
        }
    }

    /// <summary>
    /// How much of <paramref name="cited"/>'s title the text of <paramref name="citing"/> names: the idf of the cited
    /// title's terms (words and bigrams) that occur anywhere in the citing title or abstract, over the idf of all of them.
    /// Asymmetric, unlike the cosine: a paper is cited by its name ("Adam", "batch normalization"), which the citing text
    /// writes while the rest of the two texts may share little.
    /// </summary>
    public float TitleCoverage(int cited, int citing)
    {
        var title = _titleTerms[cited];
        var text = _paperTerms[citing];
        double named = 0, total = 0;
        foreach (var term in title)
        {
            total += _idf[term];
            if (Array.BinarySearch(text, term) >= 0)
            {
                named += _idf[term];
            }
        }

        return total > 0 ? (float)(named / total) : 0f;
    }

    /// <summary>The cited title's terms the citing text names, rarest first.</summary>
    public IReadOnlyList<string> NamedTitleTerms(int cited, int citing, int first) =>
        _titleTerms[cited].Where(t => Array.BinarySearch(_paperTerms[citing], t) >= 0).OrderByDescending(t => _idf[t]).ThenBy(t => _terms[t], StringComparer.Ordinal)
            .Take(first).Select(t => _terms[t]).ToList();

    /// <summary>The terms two papers share, the heaviest contributions to their cosine first.</summary>
    public IReadOnlyList<string> SharedTerms(int a, int b, int first)
    {
        var (ta, wa, tb, wb) = (_paperTerms[a], _paperWeights[a], _paperTerms[b], _paperWeights[b]);
        var shared = new List<(string Term, float Weight)>();
        for (int i = 0, j = 0; i < ta.Length && j < tb.Length;)
        {
            if (ta[i] == tb[j])
            {
                shared.Add((_terms[ta[i]], wa[i] * wb[j]));
                i++;
                j++;
            }
            else if (ta[i] < tb[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        // A bigram says more than its two words: once "policy gradient" is listed, "policy" and "gradient" are not.
        var ordered = shared.OrderByDescending(s => s.Weight).ThenBy(s => s.Term, StringComparer.Ordinal).Select(s => s.Term).ToList();
        var result = new List<string>();
        foreach (var term in ordered)
        {
            if (result.Count == first)
            {
                break;
            }

            if (!result.Any(r => r.Contains(' ', StringComparison.Ordinal) && r.Split(' ').Contains(term)))
            {
                result.Add(term);
            }
        }

        return result;
    }
}
