using CiteGraph.Graph.Model;

namespace CiteGraph.Loaders.Topics;

/// <summary>
/// Builds the corpus-wide topic layer from per-paper extractions: merges candidates by canonical key, merges each
/// acronym with its expansion (an acronym with two expansions stays two topics, both aliased by it), resolves bare
/// acronym uses, computes df and idf, HAS_TOPIC weights, CO_OCCURS (count, PMI) and CO_TOPIC (top-k per paper by
/// idf-weighted shared topics through an inverted index, never all pairs). Add papers, then <see cref="Build"/> once.
/// </summary>
public sealed class TopicCorpus(TopicOptions? options = null)
{
    private readonly TopicOptions _options = options ?? new TopicOptions();
    private static readonly IReadOnlyDictionary<string, int> NoDefinitions = new Dictionary<string, int>(StringComparer.Ordinal);
    // Every candidate key → its id while papers are added; after Build only the kept topics' keys → their index.
    private Dictionary<string, int> _keyIds = new(StringComparer.Ordinal);
    // Per candidate topic and per paper: needed until Build, and let go when it returns (the lineage rules run after
    // it, with the corpus's papers, and need only the kept keys and each paper's topics).
    private List<TopicInfo> _topics = [];
    private Dictionary<string, Dictionary<int, int>> _acronyms = new(StringComparer.Ordinal);
    private List<PaperEntry> _papers = [];
    private int _paperCount;
    private Built? _built;

    /// <summary>Papers added.</summary>
    public int PaperCount => _built is null ? _papers.Count : _paperCount;

    /// <summary>Adds one paper's extraction. Papers are numbered in the order they are added.</summary>
    public void Add(string paperId, PaperExtraction extraction) => Add(paperId, extraction, null);

    /// <summary>Adds one paper's extraction with its publication year (for <see cref="Topic.ByYear"/> and growth).</summary>
    public void Add(string paperId, PaperExtraction extraction, int? year)
    {
        ArgumentNullException.ThrowIfNull(paperId);
        ArgumentNullException.ThrowIfNull(extraction);
        if (_built is not null)
        {
            throw new InvalidOperationException("The corpus was already built.");
        }

        var scores = new Dictionary<int, float>();
        foreach (var c in extraction.Candidates)
        {
            var id = Intern(c.Key, c.Surface);
            _topics[id].IsKeyword |= c.IsKeyword;
            scores[id] = scores.GetValueOrDefault(id) + c.Score;
        }

        var defined = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in extraction.Definitions)
        {
            var key = TopicKey.Of(SurfaceText.Clean(d.Expansion));
            if (key.Length < 3 || TopicLexicon.StopAcronyms.Contains(d.Acronym) || NounPhrase.IsStopPhrase(d.Expansion))
            {
                continue;
            }

            if (!_keyIds.TryGetValue(key, out var id))
            {
                id = Intern(key, d.Expansion);
            }

            var topic = _topics[id];
            topic.IsDefinition = true;
            topic.Acronyms.Add(d.Acronym);
            if (!defined.ContainsKey(d.Acronym))
            {
                defined[d.Acronym] = id;
                if (!_acronyms.TryGetValue(d.Acronym, out var expansions))
                {
                    _acronyms[d.Acronym] = expansions = [];
                }

                expansions[id] = expansions.GetValueOrDefault(id) + 1;
            }

            scores.TryAdd(id, 3);
        }

        foreach (var (id, _) in scores)
        {
            _topics[id].RawDf++;
        }

        // Held for every paper until Build: the scores as one array of pairs in the dictionary's order (~100 bytes a paper
        // fewer than the dictionary itself), and one shared empty dictionary for the papers that define no acronym (most
        // of them; 80 bytes each otherwise).
        _papers.Add(new PaperEntry(paperId, ToArray(scores), defined.Count == 0 ? NoDefinitions : defined, extraction.AcronymUses, year));
    }

    /// <summary>
    /// The topic layer. Call once, after every paper was added: the corpus keeps only what <see cref="PaperTopics"/>,
    /// <see cref="AcronymTopics"/> and <see cref="TopicIndexOf"/> answer from afterwards, not the graph.
    /// </summary>
    public TopicGraph Build()
    {
        if (_built is not null)
        {
            throw new InvalidOperationException("The corpus was already built.");
        }

        var graph = BuildCore();
        Release();
        return graph;
    }

    // What only Build reads goes, so the lineage rules that run next do not carry it: per paper its entry (acronym
    // definitions, year), per candidate key — kept or not — its surfaces and counts.
    private void Release()
    {
        _paperCount = _papers.Count;
        var kept = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, id) in _keyIds)
        {
            if (_built!.Kept[id] >= 0)
            {
                kept[key] = _built.Kept[id];
            }
        }

        _keyIds = kept;
        _papers = [];
        _topics = [];
        _acronyms = new(StringComparer.Ordinal);
        _built = _built! with { Kept = [] };
    }

    /// <summary>The topics of each paper (index into <see cref="TopicGraph.Topics"/>) after <see cref="Build"/>, in paper order.</summary>
    internal IReadOnlyList<int[]> PaperTopics => (_built ?? throw new InvalidOperationException("Build first.")).PaperTopics;

    /// <summary>Topic index of each acronym's expansions after <see cref="Build"/>.</summary>
    internal IReadOnlyDictionary<string, int[]> AcronymTopics => (_built ?? throw new InvalidOperationException("Build first.")).AcronymTopics;

    private TopicGraph BuildCore()
    {
        var n = _papers.Count;
        // Acronym uses resolve to the expansion the paper itself gives, else to the corpus's only (or clearly dominant) one.
        var acronymByKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var acronym in _acronyms.Keys)
        {
            acronymByKey.TryAdd(TopicKey.Of(acronym), acronym);
        }

        int? Resolve(string acronym, PaperEntry paper)
        {
            if (paper.Defined.TryGetValue(acronym, out var own))
            {
                return own;
            }

            if (!_acronyms.TryGetValue(acronym, out var expansions))
            {
                return null;
            }

            var total = expansions.Values.Sum();
            var (best, count) = expansions.MaxBy(e => (e.Value, -e.Key));
            return expansions.Count == 1 || count >= 0.8 * total ? best : null;
        }

        var bareAcronyms = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var paper in _papers)
        {
            // One paper's scores as a dictionary again, in the order they were added, for as long as they change.
            var scores = ToDictionary(paper.Scores);
            foreach (var (acronym, uses) in paper.Uses)
            {
                if (Resolve(acronym, paper) is { } id)
                {
                    if (!scores.ContainsKey(id))
                    {
                        _topics[id].RawDf++;
                    }

                    scores[id] = scores.GetValueOrDefault(id) + Math.Min(uses, 3);
                }
                else if (!_acronyms.ContainsKey(acronym))
                {
                    bareAcronyms[acronym] = bareAcronyms.GetValueOrDefault(acronym) + 1;
                }
            }

            // A keyword or phrase that is an acronym ("llms") is a use of it.
            foreach (var id in scores.Keys.ToArray())
            {
                var topic = _topics[id];
                if (!topic.IsDefinition && acronymByKey.TryGetValue(topic.Key, out var acronym) && Resolve(acronym, paper) is { } resolved && resolved != id)
                {
                    if (!scores.ContainsKey(resolved))
                    {
                        _topics[resolved].RawDf++;
                    }

                    scores[resolved] = scores.GetValueOrDefault(resolved) + scores[id];
                    scores.Remove(id);
                    topic.RawDf--;
                    _topics[resolved].AddSurface(topic.BestSurface, 1);
                }
            }

            paper.Scores = ToArray(scores);
        }

        // Acronyms used by several papers and defined by none become topics of their own ("RL", "GPT-4").
        foreach (var paper in _papers)
        {
            Dictionary<int, float>? scores = null;
            foreach (var acronym in paper.Uses.Keys)
            {
                if (bareAcronyms.GetValueOrDefault(acronym) >= _options.MinPhraseDf && !_acronyms.ContainsKey(acronym) && !TopicLexicon.StopAcronyms.Contains(acronym))
                {
                    scores ??= ToDictionary(paper.Scores);
                    var id = Intern(TopicKey.Of(acronym), acronym);
                    _topics[id].IsAcronym = true;
                    if (!scores.ContainsKey(id))
                    {
                        _topics[id].RawDf++;
                    }

                    scores[id] = scores.GetValueOrDefault(id) + Math.Min(paper.Uses[acronym], 3);
                }
            }

            if (scores is not null)
            {
                paper.Scores = ToArray(scores);
            }
        }

        // Keep definitions, keywords and acronyms; key phrases need a minimum document frequency.
        var kept = new int[_topics.Count];
        var topics = new List<Topic>();
        var idf = new List<double>();
        for (var i = 0; i < _topics.Count; i++)
        {
            var t = _topics[i];
            var keep = t.RawDf > 0 && (t.IsDefinition || t.IsAcronym || t.IsKeyword || t.RawDf >= _options.MinPhraseDf);
            kept[i] = keep ? topics.Count : -1;
            if (keep)
            {
                var topicIdf = Math.Log(1.0 + (double)n / t.RawDf);
                var definers = i;
                bool AliasAllowed(string acronym, string name) => AcronymAlias.Allowed(
                    acronym, name, _acronyms.TryGetValue(acronym, out var expansions) ? expansions.GetValueOrDefault(definers) : 0, t.RawDf);
                topics.Add(t.ToTopic(_options.MaxAliases, AliasAllowed) with { Idf = topicIdf });
                idf.Add(topicIdf);
            }
        }

        // Two keys can share a display name ("Pre-training" / "pretraining" are one key; "GAN"/"GANs" likewise): merged names stay unique.
        topics = UniqueNames(topics);

        var paperTopics = new int[n][];
        var paperWeights = new float[n][];
        // HAS_TOPIC weights of the papers' own topics, one paper's after another (rows are made on demand: HasTopicRows).
        var hasTopicWeights = new List<double>[(n + WeightChunk - 1) / WeightChunk];
        for (var p = 0; p < n; p++)
        {
            var scored = _papers[p].Scores
                .Where(s => kept[s.Topic] >= 0)
                .Select(s => (Topic: kept[s.Topic], Score: s.Score * idf[kept[s.Topic]]))
                .OrderByDescending(s => s.Score).ThenBy(s => s.Topic)
                .Take(_options.MaxTopicsPerPaper)
                .ToArray();
            var max = scored.Length > 0 ? scored[0].Score : 1;
            paperTopics[p] = scored.Select(s => s.Topic).ToArray();
            paperWeights[p] = scored.Select(s => (float)(s.Score / max)).ToArray();
            var weights = hasTopicWeights[p / WeightChunk] ??= [];
            foreach (var (_, score) in scored)
            {
                weights.Add(Math.Round(score / max, 6));
            }

            // The scores are not read again: each paper's go now, not when the pass ends.
            _papers[p].Scores = [];
        }

        // df counts the papers that kept the topic.
        var df = new int[topics.Count];
        foreach (var list in paperTopics)
        {
            foreach (var t in list)
            {
                df[t]++;
            }
        }

        for (var t = 0; t < topics.Count; t++)
        {
            topics[t] = topics[t] with { Df = df[t], Idf = Math.Round(Math.Log(1.0 + (double)n / Math.Max(1, df[t])), 6) };
        }

        var coOccurs = CoOccurrence.Count(paperTopics, df, n, _options);
        // One array of the ids for both row kinds (they are written after Build returns).
        var paperIds = _papers.Select(p => p.Id).ToArray();
        var coTopic = CoTopicBuilder.Build(paperTopics, topics.Select(t => t.Idf).ToArray(), df, paperIds, topics, _options);

        // Broader/narrower links and head words, after CO_TOPIC and CO_OCCURS: inherited head topics link no papers.
        var hierarchy = TopicHierarchy.Build(topics, paperTopics, paperWeights, _options);
        topics.AddRange(hierarchy.Heads);
        var ownWeights = new double[hasTopicWeights.Sum(c => c?.Count ?? 0)];
        var filled = 0;
        foreach (var chunk in hasTopicWeights)
        {
            chunk?.CopyTo(ownWeights, filled);
            filled += chunk?.Count ?? 0;
        }

        hasTopicWeights = [];
        var hasTopic = new HasTopicRows(paperIds, paperTopics, ownWeights, hierarchy.Inherited);
        // Each paper's own topics and then its inherited heads, as a view (no list per paper).
        var allTopics = new AllTopics(paperTopics, hierarchy.Inherited);
        var allDf = new int[topics.Count];
        for (var p = 0; p < n; p++)
        {
            foreach (var t in allTopics[p])
            {
                allDf[t]++;
            }
        }

        for (var t = 0; t < topics.Count; t++)
        {
            if (allDf[t] != topics[t].Df)
            {
                topics[t] = topics[t] with { Df = allDf[t], Idf = Math.Round(Math.Log(1.0 + (double)n / Math.Max(1, allDf[t])), 6) };
            }
        }

        topics = TopicTrends.Apply(topics, allTopics, _papers.Select(p => p.Year).ToArray(), _options);
        var acronymTopics = _acronyms.ToDictionary(
            a => a.Key,
            a => a.Value.Keys.Select(k => kept[k]).Where(k => k >= 0).Distinct().ToArray(),
            StringComparer.Ordinal);
        foreach (var (acronym, _) in bareAcronyms)
        {
            if (_keyIds.TryGetValue(TopicKey.Of(acronym), out var id) && kept[id] >= 0 && !acronymTopics.ContainsKey(acronym))
            {
                acronymTopics[acronym] = [kept[id]];
            }
        }

        _built = new Built(paperTopics, acronymTopics, kept);
        return new TopicGraph(topics, hasTopic, coTopic, coOccurs) { Broader = hierarchy.Links };
    }

    private static List<Topic> UniqueNames(List<Topic> topics)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < topics.Count; i++)
        {
            var name = topics[i].Name;
            if (seen.TryGetValue(name, out var count))
            {
                // Same display name, different keys (rare: "ML" the acronym vs "ml" a keyword); qualify by an alias.
                var alias = topics[i].Aliases.FirstOrDefault(a => !seen.ContainsKey(a));
                topics[i] = topics[i] with { Name = alias ?? $"{name} ({count + 1})" };
                seen[name] = count + 1;
            }

            seen.TryAdd(topics[i].Name, 1);
        }

        return topics;
    }

    private int Intern(string key, string surface)
    {
        if (!_keyIds.TryGetValue(key, out var id))
        {
            id = _topics.Count;
            _keyIds[key] = id;
            _topics.Add(new TopicInfo(key));
        }

        var clean = SurfaceText.Clean(surface);
        _topics[id].AddSurface(clean.Length > 0 ? clean : key, 1);
        return id;
    }

    /// <summary>The index in <see cref="TopicGraph.Topics"/> of the topic with this key after <see cref="Build"/>, or -1.</summary>
    internal int TopicIndexOf(string key) =>
        _built is not null && _keyIds.TryGetValue(key, out var index) ? index : -1;

    private sealed record Built(int[][] PaperTopics, Dictionary<string, int[]> AcronymTopics, int[] Kept);

    /// <summary>Own-topic HAS_TOPIC weights are gathered in lists of this many papers' (no single list doubling past the corpus).</summary>
    private const int WeightChunk = 65_536;

    private static (int Topic, float Score)[] ToArray(Dictionary<int, float> scores)
    {
        var array = new (int Topic, float Score)[scores.Count];
        var i = 0;
        foreach (var (topic, score) in scores)
        {
            array[i++] = (topic, score);
        }

        return array;
    }

    // In the array's order: the order the dictionary was enumerated in, so what iterates it sees what it always saw.
    private static Dictionary<int, float> ToDictionary((int Topic, float Score)[] scores)
    {
        var dictionary = new Dictionary<int, float>(scores.Length);
        foreach (var (topic, score) in scores)
        {
            dictionary.Add(topic, score);
        }

        return dictionary;
    }

    private sealed record PaperEntry(string Id, (int Topic, float Score)[] Scores, IReadOnlyDictionary<string, int> Defined, IReadOnlyDictionary<string, int> Uses, int? Year)
    {
        public (int Topic, float Score)[] Scores { get; set; } = Scores;
    }

    /// <summary>Each paper's own topics followed by the head topics it inherits.</summary>
    private sealed class AllTopics(int[][] own, Dictionary<int, List<(int Topic, double Weight)>> inherited) : IReadOnlyList<IEnumerable<int>>
    {
        public int Count => own.Length;

        public IEnumerable<int> this[int index] =>
            inherited.TryGetValue(index, out var heads) ? own[index].Concat(heads.Select(h => h.Topic)) : own[index];

        public IEnumerator<IEnumerable<int>> GetEnumerator()
        {
            for (var p = 0; p < own.Length; p++)
            {
                yield return this[p];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class TopicInfo(string key)
    {
        private const int MaxSurfaces = 16;
        private readonly Dictionary<string, int> _surfaces = new(StringComparer.Ordinal);

        public string Key { get; } = key;
        public int RawDf { get; set; }
        public bool IsDefinition { get; set; }
        public bool IsAcronym { get; set; }
        public bool IsKeyword { get; set; }
        public SortedSet<string> Acronyms { get; } = new(StringComparer.Ordinal);

        public string BestSurface => _surfaces.Count == 0 ? Key : Display(_surfaces.MaxBy(s => (s.Value, s.Key.Length)).Key);

        // Raw forms are counted (cheap, on the hot path); display forms are made once, when the topic is built.
        public void AddSurface(string surface, int count)
        {
            ref var seen = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(_surfaces, surface);
            if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref seen))
            {
                seen += count;
            }
            else if (_surfaces.Count < MaxSurfaces)
            {
                _surfaces[surface] = count;
            }
        }

        public Topic ToTopic(int maxAliases, Func<string, string, bool> acronymAllowed)
        {
            var ordered = _surfaces.GroupBy(s => Display(s.Key), StringComparer.Ordinal)
                .Select(g => (Display: g.Key, Count: g.Sum(s => s.Value)))
                .OrderByDescending(s => s.Count).ThenBy(s => s.Display, StringComparer.Ordinal).Select(s => s.Display).ToList();
            var name = IsAcronym && Acronyms.Count == 0 ? ordered.FirstOrDefault(AcronymFinder.IsShortForm) ?? ordered[0] : ordered[0];
            var aliases = Acronyms.Where(a => acronymAllowed(a, name)).Select(SurfaceText.Clean).Where(a => a.Length > 0).Concat(ordered)
                .Where(a => !string.Equals(a, name, StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Take(maxAliases)
                .ToArray();
            return new Topic(name, aliases, RawDf);
        }

        // Lower-case except names written with inner capitals or in capitals (BERT, ImageNet, GPT-4).
        private static string Display(string surface) =>
            string.Join(' ', surface.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => w.Skip(1).Any(char.IsUpper) ? w : w.ToLowerInvariant()));
    }
}
