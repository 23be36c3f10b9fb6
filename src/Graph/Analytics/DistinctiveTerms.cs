using System.Text.RegularExpressions;

namespace CiteGraph.Graph.Analytics;

/// <summary>
/// The terms (words and two-word phrases of titles and abstracts) over-represented in a group of papers against the whole
/// corpus: what a community's label is made of. A term scores <c>p·ln(p/q)</c>, where <c>p</c> is the share of the group's
/// papers that use it and <c>q</c> the (smoothed) share of all papers that do: its contribution to the divergence of the
/// group from the corpus, high for terms both common in the group and rare elsewhere ("diffusion models" in a diffusion
/// community), low for words every paper writes ("training", "neural"), which rank by frequency alone.
/// </summary>
public sealed partial class DistinctiveTerms
{
    /// <summary>How many times more common in the group than in the corpus a term must be to rank among the distinctive ones.</summary>
    public const double MinLift = 2.0;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "across", "after", "again", "against", "all", "also", "although", "among", "an", "and", "any",
        "approach", "approaches", "are", "as", "at", "be", "been", "being", "between", "both", "but", "by", "can", "could",
        "do", "does", "due", "during", "each", "either", "enables", "et", "etc", "every", "existing", "for", "from", "further",
        "has", "have", "here", "how", "however", "if", "in", "into", "is", "it", "its", "itself", "may", "method", "methods",
        "more", "most", "much", "new", "no", "nor", "not", "novel", "of", "on", "one", "only", "or", "other", "our", "over",
        "paper", "propose", "proposed", "proposes", "results", "show", "shows", "so", "some", "such", "than", "that", "the",
        "their", "them", "then", "there", "these", "they", "this", "those", "through", "thus", "to", "toward", "towards",
        "two", "under", "up", "upon", "us", "use", "used", "uses", "using", "very", "via", "was", "we", "well", "were",
        "what", "when", "where", "whether", "which", "while", "who", "whose", "why", "will", "with", "within", "without",
        "work", "would", "yet", "you", "your", "based", "study", "analysis", "beyond", "less", "while", "make", "makes",
    };

    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly List<string> _display = [];
    private readonly List<int> _upper = [];
    private readonly List<int> _uses = [];
    private readonly List<Dictionary<string, int>?> _acronymForms = [];
    private readonly List<int> _df = [];
    // Each node's term ids, sorted and delta-coded as variable-length integers (its count first) in chunks of bytes:
    // ~1.5 bytes a term instead of 4 in an array of its own per node (at ten million papers, a gigabyte or more).
    private const int ChunkSize = 1 << 22;
    private readonly List<byte[]> _chunks = [];
    private readonly long[] _positions;
    private int _chunkUsed = ChunkSize;
    private int _added;
    private int _documents;

    /// <summary>Indexes one text per node (title and abstract; null for a node without text, such as a stub).</summary>
    public DistinctiveTerms(IReadOnlyList<string?> texts)
        : this(texts?.Count ?? throw new ArgumentNullException(nameof(texts)))
    {
        for (var node = 0; node < texts.Count; node++)
        {
            Add(node, texts[node]);
        }
    }

    /// <summary>An index of <paramref name="nodes"/> nodes whose texts are then given one at a time, in node order, by <see cref="Add"/>.</summary>
    public DistinctiveTerms(int nodes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodes);
        _positions = new long[nodes];
    }

    /// <summary>Indexes the text of <paramref name="node"/> (the next node: nodes come in order; null for a node without text).</summary>
    public void Add(int node, string? text)
    {
        if (node != _added)
        {
            throw new ArgumentException($"Node {node} given where node {_added} was expected: texts come in node order.", nameof(node));
        }

        _added++;
        if (string.IsNullOrWhiteSpace(text))
        {
            Store(node, []);
            return;
        }

        _documents++;
        var terms = new HashSet<int>();
        string? previous = null;
        foreach (Match match in Words().Matches(text))
        {
            var surface = match.Value.Trim('-');
            var word = surface.ToLowerInvariant();
            if (word.Length < 2 || StopWords.Contains(word) || word.All(char.IsDigit) || (word.Length == 2 && !IsAcronym(surface)))
            {
                previous = null;
                continue;
            }

            terms.Add(Intern(word, IsAcronym(surface) ? surface : null));
            if (previous is not null)
            {
                terms.Add(Intern(previous + " " + word, acronym: null));
            }

            previous = word;
        }

        int[] sorted = [.. terms];
        Array.Sort(sorted);
        foreach (var t in sorted)
        {
            _df[t]++;
        }

        Store(node, sorted);
    }

    private void Store(int node, int[] sorted)
    {
        // At most five bytes per number; a node's code never straddles two chunks.
        var most = 5 * (sorted.Length + 1);
        if (_chunkUsed + most > ChunkSize || _chunks.Count == 0)
        {
            _chunks.Add(new byte[Math.Max(ChunkSize, most)]);
            _chunkUsed = 0;
        }

        var chunk = _chunks[^1];
        _positions[node] = ((long)(_chunks.Count - 1) << 32) | (uint)_chunkUsed;
        _chunkUsed = Write(chunk, _chunkUsed, (uint)sorted.Length);
        var last = 0;
        foreach (var t in sorted)
        {
            _chunkUsed = Write(chunk, _chunkUsed, (uint)(t - last));
            last = t;
        }

        static int Write(byte[] buffer, int at, uint value)
        {
            while (value >= 0x80)
            {
                buffer[at++] = (byte)(value | 0x80);
                value >>= 7;
            }

            buffer[at++] = (byte)value;
            return at;
        }
    }

    /// <summary>The term ids of <paramref name="node"/>, in increasing order, into <paramref name="into"/> (cleared first).</summary>
    private void TermsOf(int node, List<int> into)
    {
        into.Clear();
        var position = _positions[node];
        var chunk = _chunks[(int)(position >> 32)];
        var at = (int)(uint)position;
        var count = Read(chunk, ref at);
        var term = 0;
        for (var i = 0; i < count; i++)
        {
            term += (int)Read(chunk, ref at);
            into.Add(term);
        }

        static uint Read(byte[] buffer, ref int at)
        {
            uint value = 0;
            var shift = 0;
            byte b;
            do
            {
                b = buffer[at++];
                value |= (uint)(b & 0x7F) << shift;
                shift += 7;
            }
            while (b >= 0x80);
            return value;
        }
    }

    /// <summary>Papers with text.</summary>
    public int Documents => _documents;

    /// <summary>
    /// The group's terms best first by <c>p·ln(p/q)</c>, each used by at least two of its papers (one for a group of one)
    /// and over-represented (p &gt; q); at most <paramref name="first"/>. Terms at least <see cref="MinLift"/> times as common
    /// in the group as in the corpus rank before the others.
    /// </summary>
    public IReadOnlyList<(string Term, double Score)> Top(IReadOnlyList<int> nodes, int first = 30)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var counts = new Dictionary<int, int>();
        var withText = 0;
        var terms = new List<int>();
        foreach (var node in nodes)
        {
            if (node >= _added)
            {
                throw new ArgumentOutOfRangeException(nameof(nodes), $"Node {node} was not indexed.");
            }

            TermsOf(node, terms);
            if (terms.Count > 0)
            {
                withText++;
            }

            foreach (var t in terms)
            {
                counts[t] = counts.GetValueOrDefault(t) + 1;
            }
        }

        if (withText == 0)
        {
            return [];
        }

        var minCount = withText == 1 ? 1 : 2;
        return counts
            .Where(c => c.Value >= minCount)
            .Select(c =>
            {
                double p = (double)c.Value / withText, q = (_df[c.Key] + 1.0) / (_documents + 1.0);
                return (Term: c.Key, Score: p > q ? p * Math.Log(p / q) : 0, Distinct: p >= MinLift * q);
            })
            .Where(s => s.Score > 0)
            // A word most papers write ("language" in half the corpus) can score well in a big group on frequency alone;
            // terms at least MinLift times as common in the group as in the corpus come first, so a label leads with one.
            .OrderByDescending(s => s.Distinct)
            .ThenByDescending(s => s.Score)
            .ThenBy(s => _display[s.Term], StringComparer.Ordinal)
            .Take(first)
            .Select(s => (Display(s.Term), s.Score))
            .ToList();
    }

    /// <summary>
    /// A label of up to <paramref name="terms"/> of <paramref name="ranked"/>'s terms joined by " · ", skipping a term
    /// that shares a word with one already taken, and leading with the best term not in <paramref name="usedLeads"/>
    /// (the leading terms of larger communities of the same level) so that no two labels of a level are alike.
    /// </summary>
    public static (string Label, string? Lead) Compose(IReadOnlyList<(string Term, double Score)> ranked, ISet<string> usedLeads, int terms = 3)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(usedLeads);
        if (ranked.Count == 0)
        {
            return ("", null);
        }

        var lead = ranked.Select(r => r.Term).FirstOrDefault(t => !usedLeads.Contains(LeadKey(t))) ?? ranked[0].Term;
        var chosen = new List<string> { lead };
        foreach (var (term, _) in ranked)
        {
            if (chosen.Count == terms)
            {
                break;
            }

            var words = Stems(term);
            if (!chosen.Any(c => Stems(c).Intersect(words, StringComparer.Ordinal).Any()))
            {
                chosen.Add(term);
            }
        }

        return (string.Join(" · ", chosen), LeadKey(lead));
    }

    /// <summary>What two leading terms must differ in: their words' stems ("agent" and "Agents" lead alike).</summary>
    private static string LeadKey(string term) => string.Join(' ', Stems(term));

    /// <summary>The words of a term, a plural's s dropped, so "agent" and "agents" count as one word.</summary>
    private static string[] Stems(string term) =>
        term.ToLowerInvariant().Split(' ').Select(w => w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) ? w[..^1] : w).ToArray();

    /// <summary>Written with two capitals or more after the first letter ("LLM", "MLLMs", "GPT-4", "LoRA"): an acronym or a name.</summary>
    private static bool IsAcronym(string surface) => surface.Length <= 12 && surface.Skip(1).Count(char.IsUpper) >= 1 && surface.Count(char.IsUpper) >= 2;

    private int Intern(string term, string? acronym)
    {
        if (!_termIds.TryGetValue(term, out var id))
        {
            id = _display.Count;
            _termIds[term] = id;
            _display.Add(term);
            _upper.Add(0);
            _uses.Add(0);
            _acronymForms.Add(null);
            _df.Add(0);
        }

        _uses[id]++;
        if (acronym is not null)
        {
            _upper[id]++;
            var forms = _acronymForms[id] ??= new Dictionary<string, int>(StringComparer.Ordinal);
            forms[acronym] = forms.GetValueOrDefault(acronym) + 1;
        }

        return id;
    }

    /// <summary>A term as shown: as an acronym or name is most often written ("LLM", "MLLMs", "LoRA") where most uses write it so.</summary>
    private string Display(int term) =>
        _acronymForms[term] is { } forms && _upper[term] * 2 > _uses[term]
            ? forms.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key
            : _display[term];

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}\-]*")]
    private static partial Regex Words();
}
