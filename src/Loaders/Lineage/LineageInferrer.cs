using System.Text.RegularExpressions;
using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Topics;

namespace CiteGraph.Loaders.Lineage;

/// <summary>
/// Infers CITES from text: (1) arXiv ids and DOIs of corpus papers a paper mentions; (2) a method an earlier corpus
/// paper introduced — an acronym it coined ("we propose X (A)", or "A: …" as its title) or a CamelCase name its title
/// opens with — used by a later paper; (3) "Name et al., YEAR" matched to a corpus paper's first author and year;
/// (4) a corpus paper's full title quoted in an abstract. Edges point back in time where dates are known; the evidence
/// is the matched text, prefixed by the rule (<c>arxiv:</c>, <c>doi:</c>, <c>method:</c>, <c>et-al:</c>, <c>title:</c>).
/// </summary>
public static partial class LineageInferrer
{
    private const int MaxUsersOfUndatedName = 20;

    /// <summary>Infers the citations of a corpus; one per (citing, cited) pair, the most confident rule wins.</summary>
    /// <param name="papers">Every paper of the corpus.</param>
    /// <param name="topicOfKey">The topic index of a canonical key (see <see cref="TopicKey.Of"/>), or -1.</param>
    /// <param name="paperTopics">Each paper's topics (by index), in the order of <paramref name="papers"/>.</param>
    /// <param name="minConfidence">Citations below this confidence are not returned.</param>
    public static List<Citation> Infer(IReadOnlyList<LineagePaper> papers, Func<string, int> topicOfKey, IReadOnlyList<int[]> paperTopics, double minConfidence = 0.5)
    {
        ArgumentNullException.ThrowIfNull(papers);
        ArgumentNullException.ThrowIfNull(topicOfKey);
        ArgumentNullException.ThrowIfNull(paperTopics);
        var best = new Dictionary<(int From, int To), Citation>();
        void Add(int from, int to, double confidence, string evidence)
        {
            if (from == to || confidence < minConfidence)
            {
                return;
            }

            var citation = new Citation(papers[from].Id, papers[to].Id, CitationKind.Inferred, Math.Round(Math.Clamp(confidence, 0, 0.99), 3), evidence);
            if (!best.TryGetValue((from, to), out var seen) || seen.Confidence < citation.Confidence)
            {
                best[(from, to)] = citation;
            }
        }

        Mentions(papers, Add);
        Methods(papers, topicOfKey, paperTopics, Add);
        EtAl(papers, Add);
        Titles(papers, Add);
        return best.OrderBy(b => b.Key.From).ThenBy(b => b.Key.To).Select(b => b.Value).ToList();
    }

    private static void Mentions(IReadOnlyList<LineagePaper> papers, Action<int, int, double, string> add)
    {
        var byArxiv = new Dictionary<string, int>(StringComparer.Ordinal);
        var byDoi = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < papers.Count; i++)
        {
            if (papers[i].ArxivId is { } a)
            {
                byArxiv.TryAdd(a, i);
            }

            if (papers[i].Doi is { } d)
            {
                byDoi.TryAdd(d, i);
            }
        }

        for (var i = 0; i < papers.Count; i++)
        {
            foreach (var mention in papers[i].Mentions)
            {
                var target = mention.Kind switch
                {
                    ExternalIdKind.Arxiv when byArxiv.TryGetValue(mention.Value, out var t) => t,
                    ExternalIdKind.Doi when byDoi.TryGetValue(mention.Value, out var t) => t,
                    _ => -1,
                };
                if (target >= 0)
                {
                    // An explicit id is a strong statement even when dates disagree (a paper may name a later version's id).
                    var forward = LineagePaper.Compare(papers[i].Date, papers[target].Date) < 0;
                    add(i, target, forward ? 0.6 : 0.95, $"{(mention.Kind == ExternalIdKind.Arxiv ? "arxiv" : "doi")}: {mention.Value}");
                }
            }
        }
    }

    private static void Methods(IReadOnlyList<LineagePaper> papers, Func<string, int> topicOfKey, IReadOnlyList<int[]> paperTopics, Action<int, int, double, string> add)
    {
        // Who claims each name: (name, expansion topic or -1 for a bare title name) → candidates with their claim strength.
        var claims = new Dictionary<(string Name, int Topic), List<(int Paper, int Strength, string Evidence)>>();
        var definers = new Dictionary<(string Name, int Topic), List<int>>();
        for (var i = 0; i < papers.Count; i++)
        {
            var paper = papers[i];
            var titleName = TitleName(paper.Title);
            var titleWords = " " + string.Join(' ', TopicKey.Words(paper.Title).Select(TopicKey.American)) + " ";
            foreach (var d in paper.Definitions.DistinctBy(d => d.Acronym))
            {
                var topic = topicOfKey(TopicKey.Of(d.Expansion));
                var expansionWords = " " + string.Join(' ', TopicKey.Words(d.Expansion).Select(TopicKey.American)) + " ";
                var strength = (d.Introduced ? 2 : 0) + (titleName == d.Acronym ? 2 : 0) + (titleWords.Contains(expansionWords, StringComparison.Ordinal) ? 1 : 0);
                Get(definers, (d.Acronym, topic)).Add(i);
                if (strength >= 2)
                {
                    Get(claims, (d.Acronym, topic)).Add((i, strength, d.Evidence));
                }
            }

            if (titleName is not null && paper.Definitions.All(d => d.Acronym != titleName) && AcronymFinder.IsCoinedName(titleName))
            {
                Get(claims, (titleName, -1)).Add((i, 2, paper.Title));
            }

            foreach (var (name, evidence) in AcronymFinder.CoinedNames(paper.Text))
            {
                if (name != titleName && paper.Definitions.All(d => d.Acronym != name))
                {
                    Get(claims, (name, -1)).Add((i, 2, evidence));
                }
            }
        }

        // Users of a name: papers using the acronym or coined name as a token, or carrying the expansion topic.
        var usersOfName = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var usersOfTopic = new Dictionary<int, List<int>>();
        for (var i = 0; i < papers.Count; i++)
        {
            foreach (var acronym in papers[i].AcronymUses.Keys)
            {
                GetSet(usersOfName, acronym).Add(i);
            }

            foreach (var d in papers[i].Definitions)
            {
                GetSet(usersOfName, d.Acronym).Add(i);
            }

            foreach (Match m in NameToken().Matches(papers[i].Text))
            {
                var token = TopicKey.AcronymSingular(m.Value.TrimEnd('-'));
                if (AcronymFinder.IsCoinedName(token))
                {
                    GetSet(usersOfName, token).Add(i);
                }
            }

            foreach (var t in paperTopics[i])
            {
                Get(usersOfTopic, t).Add(i);
            }
        }

        var claimants = claims.GroupBy(c => c.Key.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(c => c.Value.Select(v => v.Paper)).ToHashSet(), StringComparer.Ordinal);
        var expansionsOf = definers.Keys.Where(k => k.Topic >= 0).GroupBy(k => k.Name).ToDictionary(g => g.Key, g => g.Select(k => k.Topic).Distinct().Count(), StringComparer.Ordinal);
        foreach (var ((name, topic), candidates) in claims)
        {
            var introducer = Introducer(papers, candidates);
            if (introducer is not { } intro)
            {
                continue;
            }

            // Someone who spelled the name out before the "introducer" did makes the claim doubtful.
            if (definers.TryGetValue((name, topic), out var spelled) &&
                spelled.Any(j => j != intro.Paper && LineagePaper.Compare(papers[j].Date, papers[intro.Paper].Date) < 0))
            {
                continue;
            }

            var baseConfidence = intro.Strength switch { >= 4 => 0.9, 3 => 0.85, _ => 0.8 };
            var namers = usersOfName.GetValueOrDefault(name) ?? [];
            var users = new HashSet<int>(namers);
            if (topic >= 0)
            {
                users.UnionWith(usersOfTopic.GetValueOrDefault(topic) ?? []);
            }

            // A name coined by a paper cannot appear before it: any earlier use means the name was already current
            // ("we propose an LLM-based …" does not introduce LLMs). Without a date, a name in wide use is not trusted either.
            var introDate = papers[intro.Paper].Date;
            if (users.Any(j => j != intro.Paper && LineagePaper.Compare(papers[j].Date, introDate) < 0) ||
                (topic < 0 && expansionsOf.GetValueOrDefault(name) >= 2) ||
                (introDate?.Year is null && users.Count > MaxUsersOfUndatedName))
            {
                continue;
            }

            foreach (var u in users.Order())
            {
                if (u == intro.Paper || claimants[name].Contains(u))
                {
                    continue;
                }

                var user = papers[u];
                var order = LineagePaper.Compare(user.Date, papers[intro.Paper].Date);
                if (order < 0)
                {
                    continue;
                }

                var own = user.Definitions.FirstOrDefault(d => d.Acronym == name);
                string? evidence;
                var confidence = baseConfidence;
                if (own is not null)
                {
                    // The same letters for another thing; or a bare name the user spells out while its "introducer" never did.
                    if (topic < 0 || topicOfKey(TopicKey.Of(own.Expansion)) != topic)
                    {
                        continue;
                    }

                    evidence = own.Evidence;
                }
                else if (namers.Contains(u) && (topic < 0 || expansionsOf.GetValueOrDefault(name) <= 1))
                {
                    evidence = Snippet(user.Text, name) ?? name;
                    confidence -= 0.05;
                }
                else if (topic >= 0 && paperTopics[u].Contains(topic))
                {
                    var words = papers[intro.Paper].Definitions.First(d => d.Acronym == name).Expansion;
                    evidence = Snippet(user.Text, words) ?? words;
                    confidence -= 0.05;
                }
                else
                {
                    continue;
                }

                confidence += order is null ? -0.1 : order > 0 ? 0.05 : 0;
                add(u, intro.Paper, confidence, $"method: {evidence}");
            }
        }
    }

    private static (int Paper, int Strength)? Introducer(IReadOnlyList<LineagePaper> papers, List<(int Paper, int Strength, string Evidence)> candidates)
    {
        if (candidates.Count == 1)
        {
            return (candidates[0].Paper, candidates[0].Strength);
        }

        // The earliest claim wins; claims whose order is unknown are a tie, broken by strength, else no introducer.
        var ordered = candidates.OrderByDescending(c => c.Strength).ToList();
        var winner = ordered[0];
        foreach (var c in ordered.Skip(1))
        {
            var order = LineagePaper.Compare(papers[c.Paper].Date, papers[winner.Paper].Date);
            if (order < 0)
            {
                winner = c;
            }
            else if (order is null or 0 && c.Strength == winner.Strength)
            {
                return null;
            }
        }

        return (winner.Paper, winner.Strength);
    }

    private static void EtAl(IReadOnlyList<LineagePaper> papers, Action<int, int, double, string> add)
    {
        var byAuthorYear = new Dictionary<(string, int), List<int>>();
        for (var i = 0; i < papers.Count; i++)
        {
            if (papers[i] is { FirstAuthor: { } author, Date.Year: { } year })
            {
                Get(byAuthorYear, (author, year)).Add(i);
            }
        }

        if (byAuthorYear.Count == 0)
        {
            return;
        }

        for (var i = 0; i < papers.Count; i++)
        {
            foreach (Match m in EtAlPattern().Matches(papers[i].Text))
            {
                var name = LineagePaper.LastName(m.Groups["name"].Value);
                var year = int.Parse(m.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (name is not null && byAuthorYear.TryGetValue((name, year), out var targets) && targets.Count == 1 &&
                    LineagePaper.Compare(papers[i].Date, papers[targets[0]].Date) is null or >= 0)
                {
                    add(i, targets[0], 0.85, $"et-al: {m.Value}");
                }
            }
        }
    }

    private static void Titles(IReadOnlyList<LineagePaper> papers, Action<int, int, double, string> add)
    {
        // A trie of the corpus's titles over interned words: each position of a text walks it only as far as the words
        // match. Titles bucketed by their first three words made this quadratic wherever many titles open alike ("a
        // survey of", or a generated corpus): a million papers did not finish in twenty minutes.
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var children = new Dictionary<long, int>(); // (node << 32 | word) → child node; node 0 is the root
        var titlesEndingAt = new Dictionary<int, List<int>>();
        for (var i = 0; i < papers.Count; i++)
        {
            var words = Normalized(papers[i].Title);
            if (words.Length < 4 || papers[i].Title.Length < 25)
            {
                continue;
            }

            var node = 0;
            foreach (var word in words)
            {
                if (!vocabulary.TryGetValue(word, out var id))
                {
                    vocabulary[word] = id = vocabulary.Count;
                }

                var edge = Edge(node, id);
                if (!children.TryGetValue(edge, out var child))
                {
                    children[edge] = child = children.Count + 1;
                }

                node = child;
            }

            Get(titlesEndingAt, node).Add(i);
        }

        for (var i = 0; i < papers.Count; i++)
        {
            var text = papers[i].Text;
            var body = text[Math.Min(text.Length, papers[i].Title.Length + 2)..];
            var words = Normalized(body);
            var found = new HashSet<int>();
            for (var w = 0; w < words.Length; w++)
            {
                var node = 0;
                for (var d = w; d < words.Length && vocabulary.TryGetValue(words[d], out var id) && children.TryGetValue(Edge(node, id), out node); d++)
                {
                    if (!titlesEndingAt.TryGetValue(node, out var titles))
                    {
                        continue;
                    }

                    var length = d - w + 1;
                    foreach (var target in titles)
                    {
                        if (target != i && found.Add(target) && LineagePaper.Compare(papers[i].Date, papers[target].Date) is null or >= 0)
                        {
                            add(i, target, length >= 6 ? 0.9 : 0.75, $"title: {papers[target].Title}");
                        }
                    }
                }
            }
        }
    }

    private static long Edge(int node, int word) => ((long)node << 32) | (uint)word;

    private static string[] Normalized(string text) => [.. TopicKey.Words(text).Select(TopicKey.American)];

    /// <summary>The name a title opens with ("VaGraM: …", "MemGovern: …"), or null.</summary>
    internal static string? TitleName(string title)
    {
        var colon = title.IndexOf(':', StringComparison.Ordinal);
        if (colon is <= 1 or > 24)
        {
            return null;
        }

        var name = title[..colon].Trim();
        return name.Contains(' ', StringComparison.Ordinal) ? null : name;
    }

    private static string? Snippet(string text, string phrase)
    {
        var index = WholeWord(text, phrase);
        if (index < 0)
        {
            return null;
        }

        var start = Math.Max(0, index - 40);
        var end = Math.Min(text.Length, index + phrase.Length + 40);
        start = start == 0 ? 0 : text.IndexOf(' ', start) + 1;
        var last = text.LastIndexOf(' ', end - 1);
        end = end == text.Length || last <= index + phrase.Length ? end : last;
        return text[start..end].Trim();
    }

    private static int WholeWord(string text, string phrase)
    {
        for (var i = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(phrase, i + 1, StringComparison.OrdinalIgnoreCase))
        {
            var before = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            var after = i + phrase.Length >= text.Length || !char.IsLetterOrDigit(text[i + phrase.Length]) || text[i + phrase.Length] == 's';
            if (before && after)
            {
                return i;
            }
        }

        return -1;
    }

    private static HashSet<int> GetSet(Dictionary<string, HashSet<int>> map, string key)
    {
        if (!map.TryGetValue(key, out var set))
        {
            map[key] = set = [];
        }

        return set;
    }

    private static List<TValue> Get<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        return list;
    }

    [GeneratedRegex(@"\b[A-Za-z][A-Za-z0-9\-]{2,24}\b")]
    private static partial Regex NameToken();

    [GeneratedRegex(@"\b(?<name>[A-Z][\p{L}'\-]+)(?:\s+(?:and|&)\s+[A-Z][\p{L}'\-]+)?\s+et\s+al\.?,?\s*\(?(?<year>(?:19|20)\d{2})")]
    private static partial Regex EtAlPattern();
}
