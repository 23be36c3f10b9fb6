using System.Text.RegularExpressions;
using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Topics;

namespace CiteGraph.Loaders.Lineage;

/// <summary>
/// Infers CITES from text: (1) arXiv ids and DOIs of corpus papers a paper mentions; (2) a method an earlier corpus
/// paper introduced — an acronym it coined ("we propose X (A)", or "A: …" as its title) or a CamelCase name its title
/// opens with — used by a later paper; (3) "Name et al., YEAR" matched to a corpus paper's first author and year;
/// (4) a corpus paper's full title quoted in an abstract; (5) the plain-words name a title opens with written in a
/// later abstract; (6) a phrase of a title that few papers write, written in a later abstract. Edges point back in
/// time where dates are known; the evidence is the matched text, prefixed by the rule (<c>arxiv:</c>, <c>doi:</c>,
/// <c>method:</c>, <c>et-al:</c>, <c>title:</c>, <c>title-name:</c>, <c>phrase:</c>) and followed by the papers'
/// similarity. Every proposal must pass its rule's same-subject gate (the papers' embedding cosine where both have a
/// vector, else their words' cosine); its confidence is calibrated (<see cref="LineageCalibration"/>).
/// </summary>
public static partial class LineageInferrer
{
    private const int MaxUsersOfUndatedName = 20;

    // A name used by more papers than this before its "introducer", or by this many papers at all, is common currency.
    // A coined name must be new (none before); a title's phrase may have been written a few times before it named a paper.
    private const int MaxEarlierUses = 0;
    private const int MaxEarlierTitleNameUses = 2;
    private const int MaxUsersOfName = 400;
    private const int MaxTitleNameWords = 4;

    // A title phrase written by more papers than this (the cited one included), or by more than 2% of the corpus, names a
    // field, not a paper. Chosen on the training split (citing papers before 2020): 5, 10, 20 and 40 compared by the
    // cross-validated real citations at confidence ≥ 0.8 (9, 15, 21, 16); the calibration weighs the count itself.
    private const int MaxPhraseWriters = 20;

    // The nouns a paper's contribution is named by when an acronym only classifies it ("a new X (A) method").
    private static readonly HashSet<string> HeadNouns = new(StringComparer.Ordinal)
    {
        "method", "methods", "approach", "approaches", "architecture", "architectures", "model", "models", "framework",
        "algorithm", "algorithms", "technique", "techniques", "scheme", "variant", "variants", "network", "networks",
        "module", "layer", "layers", "pipeline", "procedure", "strategy", "formulation", "estimator", "loss", "objective",
        "based", "-based", "paradigm", "solver", "policy", "policies", "agent", "agents",
    };

    /// <summary>Infers the citations of a corpus; one per (citing, cited) pair, the most confident rule wins.</summary>
    /// <param name="papers">Every paper of the corpus.</param>
    /// <param name="topicOfKey">The topic index of a canonical key (see <see cref="TopicKey.Of"/>), or -1.</param>
    /// <param name="paperTopics">Each paper's topics (by index), in the order of <paramref name="papers"/>.</param>
    /// <param name="minConfidence">Citations below this confidence are not returned.</param>
    /// <param name="similarity">Whether two papers are about the same thing in words; default <see cref="TermSimilarity"/> over these papers.</param>
    /// <param name="semantic">The papers' sentence-embedding similarity where they have vectors, or null: the term similarity is used alone.</param>
    public static List<Citation> Infer(
        IReadOnlyList<LineagePaper> papers, Func<string, int> topicOfKey, IReadOnlyList<int[]> paperTopics, double minConfidence = 0.5, ILineageSimilarity? similarity = null,
        EmbeddingSimilarity? semantic = null) =>
        [.. Candidates(papers, topicOfKey, paperTopics, similarity, semantic).Where(c => c.Citation.Confidence >= minConfidence).Select(c => c.Citation)];

    /// <summary>
    /// Every citation the rules propose, before any threshold, each with the signals its calibrated confidence was
    /// computed from (<see cref="LineageCalibration"/>); one per (citing, cited) pair (<see cref="OnePerPair"/>), in order.
    /// </summary>
    /// <param name="papers">Every paper of the corpus.</param>
    /// <param name="topicOfKey">The topic index of a canonical key, or -1.</param>
    /// <param name="paperTopics">Each paper's topics (by index), in the order of <paramref name="papers"/>.</param>
    /// <param name="similarity">Whether two papers are about the same thing in words; default <see cref="TermSimilarity"/>.</param>
    /// <param name="semantic">The papers' sentence-embedding similarity where they have vectors, or null.</param>
    /// <param name="keepGated">
    /// Also return the proposals that fail the same-subject gate, with confidence 0, and every rule's proposal of a pair
    /// (not only the most confident): what the gate and the calibration are fitted on (<c>derive --lineage-signals</c>).
    /// Callers writing citations keep one per pair.
    /// </param>
    public static List<(Citation Citation, LineageSignals Signals)> Candidates(
        IReadOnlyList<LineagePaper> papers, Func<string, int> topicOfKey, IReadOnlyList<int[]> paperTopics, ILineageSimilarity? similarity = null,
        EmbeddingSimilarity? semantic = null, bool keepGated = false) =>
        Judge(papers, paperTopics, Propose(papers, topicOfKey, paperTopics), similarity, semantic, keepGated);

    /// <summary>
    /// What the rules propose, before the same-subject gate: the first half of <see cref="Candidates"/>. Its
    /// <see cref="LineageProposals.Papers"/> are the only papers whose vectors the gate will read, so a caller can load
    /// just those (<see cref="EmbeddingSimilarity.ReadAsync"/>) instead of every vector of the corpus.
    /// </summary>
    /// <param name="papers">Every paper of the corpus.</param>
    /// <param name="topicOfKey">The topic index of a canonical key, or -1.</param>
    /// <param name="paperTopics">Each paper's topics (by index), in the order of <paramref name="papers"/>.</param>
    /// <param name="step">Told as each rule, and each long step of a rule, begins (<see cref="LineageStep"/>): where a long run's time goes.</param>
    public static LineageProposals Propose(IReadOnlyList<LineagePaper> papers, Func<string, int> topicOfKey, IReadOnlyList<int[]> paperTopics, Action<LineageStep>? step = null)
    {
        ArgumentNullException.ThrowIfNull(papers);
        ArgumentNullException.ThrowIfNull(topicOfKey);
        ArgumentNullException.ThrowIfNull(paperTopics);
        var proposals = new LineageProposals();
        step?.Invoke(new LineageStep("mentions", papers.Count));
        Mentions(papers, proposals.Add);
        Methods(papers, topicOfKey, paperTopics, proposals.Add, step);
        step?.Invoke(new LineageStep("et al.", papers.Count));
        EtAl(papers, proposals.Add);
        step?.Invoke(new LineageStep("quoted titles", papers.Count));
        Titles(papers, proposals.Add);
        step?.Invoke(new LineageStep("title names", papers.Count));
        TitleNames(papers, proposals.Add);
        TitlePhrases(papers, proposals.Add, step);
        return proposals;
    }

    /// <summary>
    /// The second half of <see cref="Candidates"/>: every proposal through its rule's same-subject gate, with its
    /// calibrated confidence; one per (citing, cited) pair unless <paramref name="keepGated"/>. Judged pair by pair
    /// (proposals sorted by citing and cited paper), only each pair's winner made into a citation with its evidence
    /// text; with <paramref name="keepGated"/>, every rule's best proposal of each pair is kept, through a dictionary.
    /// </summary>
    /// <param name="papers">Every paper of the corpus, as given to <see cref="Propose"/>.</param>
    /// <param name="paperTopics">Each paper's topics (by index).</param>
    /// <param name="proposals">What <see cref="Propose"/> found.</param>
    /// <param name="similarity">Whether two papers are about the same thing in words; default <see cref="TermSimilarity"/>.</param>
    /// <param name="semantic">The papers' sentence-embedding similarity where they have vectors, or null.</param>
    /// <param name="keepGated">As in <see cref="Candidates"/>.</param>
    /// <param name="drain">Let go of each proposal once judged (<see cref="LineageProposals.Release"/>, <see cref="LineageProposals.Drain"/>): for a caller that needs them no more.</param>
    /// <param name="step">Told as the gate's steps begin (its word frequencies, the judging), as in <see cref="Propose"/>.</param>
    public static List<(Citation Citation, LineageSignals Signals)> Judge(
        IReadOnlyList<LineagePaper> papers, IReadOnlyList<int[]> paperTopics, LineageProposals proposals, ILineageSimilarity? similarity = null,
        EmbeddingSimilarity? semantic = null, bool keepGated = false, bool drain = false, Action<LineageStep>? step = null)
    {
        var gate = Gate.Of(papers, paperTopics, proposals, similarity, semantic, step);
        return keepGated ? EveryRulesBest(gate, proposals, drain) : WinnerOfEachPair(gate, proposals, drain, 0, (citation, signals) => (citation, signals));
    }

    /// <summary>
    /// The citations to write: what <see cref="Judge"/> keeps without <c>keepGated</c>, at or above
    /// <paramref name="minConfidence"/>, without their signals (a <see cref="LineageSignals"/> is ~100 bytes, and a
    /// corpus of coined names keeps ~2.3 citations a paper).
    /// </summary>
    /// <param name="papers">Every paper of the corpus, as given to <see cref="Propose"/>.</param>
    /// <param name="paperTopics">Each paper's topics (by index).</param>
    /// <param name="proposals">What <see cref="Propose"/> found.</param>
    /// <param name="minConfidence">Citations below this confidence are not returned.</param>
    /// <param name="similarity">Whether two papers are about the same thing in words; default <see cref="TermSimilarity"/>.</param>
    /// <param name="semantic">The papers' sentence-embedding similarity where they have vectors, or null.</param>
    /// <param name="drain">As in <see cref="Judge"/>.</param>
    /// <param name="step">As in <see cref="Judge"/>.</param>
    public static List<Citation> Citations(
        IReadOnlyList<LineagePaper> papers, IReadOnlyList<int[]> paperTopics, LineageProposals proposals, double minConfidence, ILineageSimilarity? similarity = null,
        EmbeddingSimilarity? semantic = null, bool drain = false, Action<LineageStep>? step = null)
    {
        var gate = Gate.Of(papers, paperTopics, proposals, similarity, semantic, step);
        return WinnerOfEachPair(gate, proposals, drain, minConfidence, (citation, _) => citation);
    }

    /// <summary>
    /// Per (citing, cited, rule): the most confident proposal, the gated ones included with confidence 0, ordered by
    /// citing, cited and rule — what the signals file is fitted on (each rule on its own), so every rule of a pair is kept.
    /// </summary>
    private static List<(Citation Citation, LineageSignals Signals)> EveryRulesBest(Gate gate, LineageProposals proposals, bool drain)
    {
        var best = new Dictionary<(int From, int To, string Rule), (Citation Citation, LineageSignals Signals)>();
        foreach (var (from, to, evidence, proposed) in drain ? proposals.Drain() : proposals.Items)
        {
            var measures = gate.Measure(from, to);
            var signals = Gate.Signals(proposed, measures);
            var citation = gate.Cite(from, to, evidence, Gate.Confidence(signals), measures);
            if (!best.TryGetValue((from, to, signals.Rule), out var seen) || seen.Citation.Confidence < citation.Confidence)
            {
                best[(from, to, signals.Rule)] = (citation, signals);
            }
        }

        return [.. best.OrderBy(b => b.Key.From).ThenBy(b => b.Key.To).ThenBy(b => b.Key.Rule, StringComparer.Ordinal).Select(b => b.Value)];
    }

    /// <summary>
    /// One proposal per (citing, cited) pair, in order: the most confident of those past the same-subject gate
    /// (confidence above 0), a quoted title before the phrases it holds.
    /// </summary>
    public static List<(Citation Citation, LineageSignals Signals)> OnePerPair(IEnumerable<(Citation Citation, LineageSignals Signals)> proposals)
    {
        ArgumentNullException.ThrowIfNull(proposals);
        var kept = new List<(Citation Citation, LineageSignals Signals)>();
        foreach (var pair in proposals.Where(p => p.Citation.Confidence > 0).GroupBy(p => (p.Citation.From, p.Citation.To)))
        {
            // A quoted title holds its own phrases: the quote is the evidence to show, whatever the phrase's confidence.
            var quoted = pair.Any(p => p.Signals.Rule == "title");
            kept.Add(pair.Where(p => !quoted || p.Signals.Rule != "phrase").MaxBy(p => p.Citation.Confidence));
        }

        return kept;
    }

    private static void Mentions(IReadOnlyList<LineagePaper> papers, Action<int, int, string, LineageSignals> add)
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
                    var rule = mention.Kind == ExternalIdKind.Arxiv ? "arxiv" : "doi";
                    add(i, target, $"{rule}: {mention.Value}", new LineageSignals(rule));
                }
            }
        }
    }

    private static void Methods(
        IReadOnlyList<LineagePaper> papers, Func<string, int> topicOfKey, IReadOnlyList<int[]> paperTopics, Action<int, int, string, LineageSignals> add, Action<LineageStep>? step)
    {
        step?.Invoke(new LineageStep("methods: claims", papers.Count));
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
                var coins = d.Introduced && !(IsInitialism(d.Acronym) && NamesItsKind(paper.Text, d.Evidence));
                var strength = (coins ? 2 : 0) + (titleName == d.Acronym ? 2 : 0) + (titleWords.Contains(expansionWords, StringComparison.Ordinal) ? 1 : 0);
                Get(definers, (d.Acronym, topic)).Add(i);
                // Spelling a name out ("X (A)", even in the title) is no claim to it: a paper must coin it or be named after it.
                if (strength >= 2)
                {
                    Get(claims, (d.Acronym, topic)).Add((i, strength, d.Evidence));
                }
            }

            if (titleName is not null && paper.Definitions.All(d => d.Acronym != titleName) && AcronymFinder.IsCoinedName(titleName))
            {
                Get(claims, (titleName, -1)).Add((i, 4, paper.Title));
            }

            foreach (var (name, evidence) in AcronymFinder.CoinedNames(paper.Text))
            {
                if (name != titleName && paper.Definitions.All(d => d.Acronym != name))
                {
                    Get(claims, (name, -1)).Add((i, 2, evidence));
                }
            }
        }

        // Users of a name: papers using the acronym or coined name as a token, or carrying the expansion topic. Only the
        // claimed names and topics are looked up below, so only theirs are gathered: a set per name every paper uses and a
        // list per topic every paper carries cost 17 CPU-s at a million papers (6.2x the 200K time) on a corpus of coined
        // names that claims none, and the dictionaries grew with every new name.
        step?.Invoke(new LineageStep("methods: users", claims.Count == 0 ? 0 : papers.Count));
        var claimedNames = claims.Keys.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        var claimedTopics = claims.Keys.Where(k => k.Topic >= 0).Select(k => k.Topic).ToHashSet();
        var usersOfName = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var usersOfTopic = new Dictionary<int, List<int>>();
        for (var i = 0; claims.Count > 0 && i < papers.Count; i++)
        {
            foreach (var acronym in papers[i].AcronymUses.Keys)
            {
                if (claimedNames.Contains(acronym))
                {
                    GetSet(usersOfName, acronym).Add(i);
                }
            }

            foreach (var d in papers[i].Definitions)
            {
                if (claimedNames.Contains(d.Acronym))
                {
                    GetSet(usersOfName, d.Acronym).Add(i);
                }
            }

            foreach (Match m in NameToken().Matches(papers[i].Text))
            {
                var token = TopicKey.AcronymSingular(m.Value.TrimEnd('-'));
                if (claimedNames.Contains(token) && AcronymFinder.IsCoinedName(token))
                {
                    GetSet(usersOfName, token).Add(i);
                }
            }

            foreach (var t in paperTopics[i])
            {
                if (claimedTopics.Contains(t))
                {
                    Get(usersOfTopic, t).Add(i);
                }
            }
        }

        // Rival coiners are not users of each other's name; papers that merely spell a name out are (their "(A)" cites).
        var claimants = claims.GroupBy(c => c.Key.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(c => c.Value.Where(v => v.Strength >= 2).Select(v => v.Paper)).ToHashSet(), StringComparer.Ordinal);
        var expansionsOf = definers.Keys.Where(k => k.Topic >= 0).GroupBy(k => k.Name).ToDictionary(g => g.Key, g => g.Select(k => k.Topic).Distinct().Count(), StringComparer.Ordinal);
        step?.Invoke(new LineageStep("methods: claimed names", claims.Count));
        foreach (var ((name, topic), candidates) in claims)
        {
            var introducer = Introducer(papers, candidates);
            if (introducer is not { } intro)
            {
                continue;
            }

            var introDate = papers[intro.Paper].Date;
            var namers = usersOfName.GetValueOrDefault(name) ?? [];
            var topicUsers = topic >= 0 ? usersOfTopic.GetValueOrDefault(topic) ?? [] : [];
            if (namers.Count > MaxUsersOfName || topicUsers.Count > MaxUsersOfName)
            {
                // Their union is larger still: a name in wide use (the test below), known without building the union and
                // counting its earlier users, which for a common topic was work growing with the corpus for every claim.
                continue;
            }

            var users = new HashSet<int>(namers);
            users.UnionWith(topicUsers);

            // A name coined by a paper cannot appear before it: earlier uses or spellings mean the name was already
            // current ("we propose an LLM-based …" does not introduce LLMs). So do a bare name with two meanings and,
            // without a date, a name in wide use.
            var earlier = users.Count(j => j != intro.Paper && LineagePaper.Compare(papers[j].Date, introDate) < 0);
            if (definers.TryGetValue((name, topic), out var spelled))
            {
                earlier += spelled.Count(j => j != intro.Paper && !users.Contains(j) && LineagePaper.Compare(papers[j].Date, introDate) < 0);
            }

            if (earlier > MaxEarlierUses || users.Count > MaxUsersOfName ||
                (topic < 0 && expansionsOf.GetValueOrDefault(name) >= 2) ||
                (introDate?.Year is null && users.Count > MaxUsersOfUndatedName))
            {
                continue;
            }

            var introExpansion = topic >= 0 ? papers[intro.Paper].Definitions.FirstOrDefault(d => d.Acronym == name)?.Expansion : null;
            foreach (var u in users.Order())
            {
                if (u == intro.Paper || claimants[name].Contains(u))
                {
                    continue;
                }

                var user = papers[u];
                var order = LineagePaper.Compare(user.Date, introDate);
                if (order < 0)
                {
                    continue;
                }

                // An acronym must mean the same thing on both sides where the citing text says what it means.
                var agreement = introExpansion is null ? Agreement.Silent : AcronymAgreement.Check(user.Text, name, introExpansion);
                if (agreement == Agreement.Disagrees)
                {
                    continue;
                }

                var own = user.Definitions.FirstOrDefault(d => d.Acronym == name);
                string? evidence;
                int use;
                if (own is not null)
                {
                    // The same letters for another thing; or a bare name the user spells out while its "introducer" never did.
                    if (topic < 0 || topicOfKey(TopicKey.Of(own.Expansion)) != topic)
                    {
                        continue;
                    }

                    evidence = own.Evidence;
                    use = 0;
                }
                else if (namers.Contains(u) && (topic < 0 || expansionsOf.GetValueOrDefault(name) <= 1))
                {
                    evidence = Snippet(user.Text, name) ?? name;
                    use = 1;
                }
                else if (topic >= 0 && paperTopics[u].Contains(topic) && introExpansion is not null && Snippet(user.Text, introExpansion) is { } written)
                {
                    // The expansion itself must be written: a topic reached through an alias ("code") is not a mention.
                    evidence = written;
                    use = 2;
                }
                else
                {
                    continue;
                }

                add(u, intro.Paper, $"method: {evidence}", new LineageSignals(
                    "method", Claim: intro.Strength, Use: use, Agrees: agreement == Agreement.Agrees, Users: users.Count, Earlier: earlier, Definers: spelled?.Count ?? 0, Order: order));
            }
        }
    }

    /// <summary>
    /// Whether a definition the text "introduces" is followed by a head noun ("we develop a new score-based distribution
    /// matching distillation (DMD) method", "we propose a novel recurrent neural network (RNN) architecture"): the paper
    /// makes a method of that kind, it does not coin the kind. Presto! (music distillation) was credited with DMD this
    /// way, and on the pre-2020 split the same shape credited RNN to one paper (29 proposals, 3 real), while the coinings
    /// without a head noun ("we introduce the Fréchet Inception Distance (FID) which", "called Skew Orthogonal
    /// Convolution (SOC) that") held up. Applied to plain initialisms only (<see cref="IsInitialism"/>).
    /// </summary>
    internal static bool NamesItsKind(string text, string evidence)
    {
        var at = text.IndexOf(evidence, StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        var rest = text.AsSpan(at + evidence.Length).TrimStart();
        var end = 0;
        while (end < rest.Length && (char.IsLetter(rest[end]) || rest[end] == '-'))
        {
            end++;
        }

        return end > 0 && HeadNouns.Contains(rest[..end].ToString().ToLowerInvariant());
    }

    /// <summary>
    /// Plain capitals ("DMD", "RNN"): the initials of a phrase, which can name a kind. A name of its own shape
    /// ("GraphCL" in "we propose a graph contrastive learning (GraphCL) framework") is coined whatever noun follows it.
    /// </summary>
    private static bool IsInitialism(string acronym) => acronym.All(c => char.IsUpper(c) || char.IsDigit(c));

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

    /// <summary>
    /// A title that opens with a name of a few plain words ("Batch Normalization: …", "Soft Actor-Critic: …") names what
    /// the paper introduces; a later paper writing those words mentions it. Phrases are matched as word n-grams through
    /// a dictionary (never all pairs); a phrase already current before the paper, or common across the corpus, is weak.
    /// </summary>
    private static void TitleNames(IReadOnlyList<LineagePaper> papers, Action<int, int, string, LineageSignals> add)
    {
        var owners = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < papers.Count; i++)
        {
            var colon = papers[i].Title.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var words = Normalized(papers[i].Title[..colon]);
            if (words.Length is >= 2 and <= MaxTitleNameWords && words.Count(w => !StopWords.Function.Contains(w)) >= 2 && !StopWords.Function.Contains(words[0]))
            {
                Get(owners, string.Join(' ', words)).Add(i);
            }
        }

        var mentions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < papers.Count; i++)
        {
            var words = Normalized(papers[i].Text);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var start = 0; start < words.Length; start++)
            {
                for (var n = 2; n <= MaxTitleNameWords && start + n <= words.Length; n++)
                {
                    var phrase = string.Join(' ', words, start, n);
                    if (owners.ContainsKey(phrase) && seen.Add(phrase))
                    {
                        Get(mentions, phrase).Add(i);
                    }
                }
            }
        }

        foreach (var (phrase, owner) in owners)
        {
            if (owner.Count != 1 || !mentions.TryGetValue(phrase, out var users))
            {
                continue;
            }

            var cited = owner[0];
            var earlier = users.Count(u => u != cited && LineagePaper.Compare(papers[u].Date, papers[cited].Date) < 0);
            if (earlier > MaxEarlierTitleNameUses || users.Count > MaxUsersOfName)
            {
                continue;
            }

            foreach (var u in users)
            {
                if (u != cited && LineagePaper.Compare(papers[u].Date, papers[cited].Date) is null or >= 0)
                {
                    var title = papers[cited].Title;
                    add(u, cited, $"title-name: {title[..title.IndexOf(':', StringComparison.Ordinal)]}",
                        new LineageSignals("title-name", Users: users.Count, Earlier: earlier, TitleWords: phrase.Count(c => c == ' ') + 1));
                }
            }
        }
    }

    /// <summary>Word 2- to 4-grams that neither start nor end with a function word.</summary>
    internal static IEnumerable<string> Phrases(string[] words)
    {
        for (var start = 0; start < words.Length; start++)
        {
            if (StopWords.Function.Contains(words[start]))
            {
                continue;
            }

            for (var n = 2; n <= MaxTitleNameWords && start + n <= words.Length; n++)
            {
                if (!StopWords.Function.Contains(words[start + n - 1]))
                {
                    yield return string.Join(' ', words, start, n);
                }
            }
        }
    }

    private static void EtAl(IReadOnlyList<LineagePaper> papers, Action<int, int, string, LineageSignals> add)
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
                    add(i, targets[0], $"et-al: {m.Value}", new LineageSignals("et-al"));
                }
            }
        }
    }

    internal static void Titles(IReadOnlyList<LineagePaper> papers, Action<int, int, string, LineageSignals> add)
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

        // Every position of every text asks the root for its word, and every node reached whether a title ends there: the
        // dictionaries answered both with a cache miss each once the trie outgrew the cache (the step took 6.7x the CPU for
        // 5x the papers, 200K → 1M). The root's children as an array by word, and a bit a node for "a title ends here",
        // answer from a few megabytes; each text's words are looked up in the vocabulary once, not once per walk.
        var rootChild = new int[vocabulary.Count];
        var endsTitle = new System.Collections.BitArray(children.Count + 1);
        foreach (var (edge, child) in children)
        {
            if (edge >> 32 == 0)
            {
                rootChild[(int)(uint)edge] = child;
            }
        }

        foreach (var node in titlesEndingAt.Keys)
        {
            endsTitle[node] = true;
        }

        for (var i = 0; i < papers.Count; i++)
        {
            var text = papers[i].Text;
            var body = text[Math.Min(text.Length, papers[i].Title.Length + 2)..];
            var words = Normalized(body);
            var ids = new int[words.Length];
            for (var w = 0; w < words.Length; w++)
            {
                ids[w] = vocabulary.TryGetValue(words[w], out var id) ? id : -1;
            }

            var found = new HashSet<int>();
            for (var w = 0; w < ids.Length; w++)
            {
                var node = ids[w] < 0 ? 0 : rootChild[ids[w]];
                if (node == 0)
                {
                    continue;
                }

                for (var d = w; ;)
                {
                    if (endsTitle[node])
                    {
                        var length = d - w + 1;
                        foreach (var target in titlesEndingAt[node])
                        {
                            if (target != i && found.Add(target) && LineagePaper.Compare(papers[i].Date, papers[target].Date) is null or >= 0)
                            {
                                add(i, target, $"title: {papers[target].Title}", new LineageSignals("title", TitleWords: length));
                            }
                        }
                    }

                    if (++d >= ids.Length || ids[d] < 0 || !children.TryGetValue(Edge(node, ids[d]), out node))
                    {
                        break;
                    }
                }
            }
        }
    }

    private static long Edge(int node, int word) => ((long)node << 32) | (uint)word;

    internal static string[] Normalized(string text) => [.. TopicKey.Words(text).Select(TopicKey.American)];

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
