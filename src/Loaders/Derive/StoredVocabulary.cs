using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Topics;

namespace CiteGraph.Loaders.Derive;

/// <summary>
/// The topic vocabulary the last full derive pass stored (names, aliases, canonical keys, df, idf), used to describe
/// new papers without rebuilding it: a paper gets the stored topics its extraction names (key phrases, definitions,
/// keywords, acronyms resolved through the stored aliases), weighted as the full pass weighs them (evidence × stored idf,
/// the strongest <see cref="TopicOptions.MaxTopicsPerPaper"/>, scaled to the strongest). A phrase no stored topic has
/// waits for the next full pass, which is what makes it a topic (it needs corpus-wide document frequency).
/// </summary>
internal sealed class StoredVocabulary
{
    private readonly Dictionary<string, int> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byAcronym = new(StringComparer.Ordinal);

    /// <param name="topics">The stored topics.</param>
    /// <param name="without">
    /// Papers per topic id to leave out of the stored df: those of the papers being derived, so that a second run (a retry
    /// after a crash, when their rows are already stored) sees the df the first one saw.
    /// </param>
    public StoredVocabulary(IReadOnlyList<Topic> topics, IReadOnlyDictionary<string, int>? without = null)
    {
        Topics = topics;
        Idf = topics.Select(t => t.Idf).ToArray();
        Df = topics.Select(t => Math.Max(0, t.Df - (without?.GetValueOrDefault(t.Id) ?? 0))).ToArray();
        // The canonical name's key wins over an alias's.
        for (var i = 0; i < topics.Count; i++)
        {
            _byKey.TryAdd(TopicKey.Of(topics[i].Name), i);
        }

        for (var i = 0; i < topics.Count; i++)
        {
            foreach (var alias in topics[i].Aliases)
            {
                _byKey.TryAdd(TopicKey.Of(alias), i);
                if (AcronymFinder.IsShortForm(alias))
                {
                    var acronym = TopicKey.AcronymSingular(alias);
                    if (!_byAcronym.TryGetValue(acronym, out var list))
                    {
                        _byAcronym[acronym] = list = [];
                    }

                    if (!list.Contains(i))
                    {
                        list.Add(i);
                    }
                }
            }
        }
    }

    public IReadOnlyList<Topic> Topics { get; }

    public double[] Idf { get; }

    public int[] Df { get; }

    public int Count => Topics.Count;

    /// <summary>The topic index of a canonical key, or -1 (the lineage rules' <c>topicOfKey</c>).</summary>
    public int IndexOf(string key) => _byKey.TryGetValue(key, out var i) ? i : -1;

    /// <summary>A paper's topics (by index, strongest first) and their weights, from its extraction.</summary>
    public (int[] Topics, double[] Weights) Describe(PaperExtraction extraction, int maxTopics)
    {
        var scores = new Dictionary<int, double>();
        foreach (var c in extraction.Candidates)
        {
            if (_byKey.TryGetValue(c.Key, out var id))
            {
                scores[id] = scores.GetValueOrDefault(id) + c.Score;
            }
        }

        var defined = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in extraction.Definitions)
        {
            if (_byKey.TryGetValue(TopicKey.Of(d.Expansion), out var id))
            {
                defined.TryAdd(d.Acronym, id);
                scores.TryAdd(id, 3);
            }
        }

        // An acronym resolves to the expansion the paper gives, else to the stored one it names, when only one (or one
        // clearly dominant, by papers) does; an acronym stored as a topic of its own is that topic.
        foreach (var (acronym, uses) in extraction.AcronymUses)
        {
            int? resolved = defined.TryGetValue(acronym, out var own) ? own : null;
            if (resolved is null && _byAcronym.TryGetValue(acronym, out var expansions))
            {
                var total = expansions.Sum(e => Math.Max(1, Df[e]));
                var best = expansions.MaxBy(e => (Df[e], -e));
                resolved = expansions.Count == 1 || Math.Max(1, Df[best]) >= 0.8 * total ? best : null;
            }

            if (resolved is null && _byKey.TryGetValue(TopicKey.Of(acronym), out var bare))
            {
                resolved = bare;
            }

            if (resolved is { } r)
            {
                scores[r] = scores.GetValueOrDefault(r) + Math.Min(uses, 3);
            }
        }

        var scored = scores
            .Select(s => (Topic: s.Key, Score: s.Value * Idf[s.Key]))
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Topic)
            .Take(maxTopics)
            .ToArray();
        var max = scored.Length > 0 ? scored[0].Score : 1;
        return (scored.Select(s => s.Topic).ToArray(), scored.Select(s => Math.Round(s.Score / max, 6)).ToArray());
    }
}
