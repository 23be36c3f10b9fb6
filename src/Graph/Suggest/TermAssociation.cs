namespace CiteGraph.Graph.Suggest;

/// <summary>
/// Which words of cited papers go with which words of the papers citing them, learned from citations (a translation
/// model in the sense of cross-language retrieval): positive pointwise mutual information between a term of a citing
/// paper and a different term of a paper it cites, counted over citing/cited pairs. A candidate scores by how strongly
/// its terms are associated with the paper's terms, so "reward model" in a paper can point to a reference written
/// with "preference" and "human feedback" although the two share no word.
/// </summary>
/// <remarks>
/// Each paper contributes its <see cref="TermsPerPaper"/> heaviest TF-IDF terms; a term pair counts only when seen in at
/// least <see cref="MinPairCount"/> citations, so that one citation does not make an association. Identical terms are
/// left out: the TF-IDF feature already scores them.
/// </remarks>
public sealed class TermAssociation
{
    /// <summary>Heaviest terms per paper taken into the counts and the score.</summary>
    public const int TermsPerPaper = 24;

    /// <summary>Citations a term pair must appear in to count.</summary>
    public const int MinPairCount = 2;

    private readonly Dictionary<int, (int[] Cited, float[] Pmi)> _associations;
    private readonly TermIndex _terms;

    private TermAssociation(TermIndex terms, Dictionary<int, (int[] Cited, float[] Pmi)> associations, int pairs)
    {
        _terms = terms;
        _associations = associations;
        Pairs = pairs;
    }

    /// <summary>Citing/cited pairs counted.</summary>
    public int Pairs { get; }

    /// <summary>Citing terms with at least one association.</summary>
    public int Terms => _associations.Count;

    /// <summary>Counts <paramref name="pairs"/> (citing, cited) over <paramref name="terms"/>; null when fewer than <paramref name="minPairs"/>.</summary>
    public static TermAssociation? Fit(TermIndex terms, IEnumerable<(int Citing, int Cited)> pairs, int minPairs = 20)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(pairs);
        var joint = new Dictionary<long, int>();
        var citingCount = new Dictionary<int, int>();
        var citedCount = new Dictionary<int, int>();
        var n = 0;
        foreach (var (citing, cited) in pairs)
        {
            var a = Top(terms, citing);
            var b = Top(terms, cited);
            if (a.Length == 0 || b.Length == 0)
            {
                continue;
            }

            n++;
            foreach (var v in a)
            {
                citingCount[v] = citingCount.GetValueOrDefault(v) + 1;
            }

            foreach (var w in b)
            {
                citedCount[w] = citedCount.GetValueOrDefault(w) + 1;
            }

            foreach (var v in a)
            {
                foreach (var w in b)
                {
                    if (v != w)
                    {
                        var key = ((long)v << 32) | (uint)w;
                        joint[key] = joint.GetValueOrDefault(key) + 1;
                    }
                }
            }
        }

        if (n < minPairs)
        {
            return null;
        }

        var lists = new Dictionary<int, List<(int Cited, float Pmi)>>();
        foreach (var (key, count) in joint)
        {
            if (count < MinPairCount)
            {
                continue;
            }

            var (v, w) = ((int)(key >> 32), (int)(key & 0xFFFFFFFF));
            var pmi = Math.Log((double)count * n / ((double)citingCount[v] * citedCount[w]));
            if (pmi > 0)
            {
                (lists.TryGetValue(v, out var list) ? list : lists[v] = []).Add((w, (float)pmi));
            }
        }

        return new TermAssociation(terms, lists.ToDictionary(e => e.Key, e => (e.Value.Select(x => x.Cited).ToArray(), e.Value.Select(x => x.Pmi).ToArray())), n);
    }

    /// <summary>
    /// The paper's expanded query: for each term of cited papers, Σ over the paper's heaviest terms of TF-IDF weight × PMI.
    /// Score a candidate with <see cref="Score"/>.
    /// </summary>
    public Dictionary<int, float> Query(int paper)
    {
        var query = new Dictionary<int, float>();
        var (ids, weights) = _terms.Vector(paper);
        foreach (var i in TopIndexes(weights))
        {
            if (_associations.TryGetValue(ids[i], out var row))
            {
                for (var j = 0; j < row.Cited.Length; j++)
                {
                    query[row.Cited[j]] = query.GetValueOrDefault(row.Cited[j]) + (weights[i] * row.Pmi[j]);
                }
            }
        }

        return query;
    }

    /// <summary>How strongly a candidate's heaviest terms are associated with the query's, and the cited terms that weighed most.</summary>
    public float Score(Dictionary<int, float> query, int candidate)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (ids, weights) = _terms.Vector(candidate);
        var score = 0f;
        foreach (var i in TopIndexes(weights))
        {
            score += weights[i] * query.GetValueOrDefault(ids[i]);
        }

        return score;
    }

    /// <summary>The candidate's terms that carried its score, heaviest first.</summary>
    public IReadOnlyList<string> Explain(Dictionary<int, float> query, int candidate, int first)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (ids, weights) = _terms.Vector(candidate);
        return TopIndexes(weights).Select(i => (Term: ids[i], Weight: weights[i] * query.GetValueOrDefault(ids[i])))
            .Where(t => t.Weight > 0).OrderByDescending(t => t.Weight).Take(first).Select(t => _terms.Term(t.Term)).ToList();
    }

    private static int[] Top(TermIndex terms, int paper)
    {
        var (ids, weights) = terms.Vector(paper);
        return TopIndexes(weights).Select(i => ids[i]).ToArray();
    }

    private static IEnumerable<int> TopIndexes(float[] weights) =>
        weights.Length <= TermsPerPaper
            ? Enumerable.Range(0, weights.Length)
            : Enumerable.Range(0, weights.Length).OrderByDescending(i => weights[i]).ThenBy(i => i).Take(TermsPerPaper);
}
