using CiteGraph.Graph.Model;
using System.Text.RegularExpressions;
using CiteGraph.Loaders.Text;

namespace CiteGraph.Loaders.Topics;

/// <summary>A candidate topic found in one paper: its canonical key, the surface form, and how much evidence it has.</summary>
/// <param name="Key">The canonical key (<see cref="TopicKey.Of"/>).</param>
/// <param name="Surface">The text as written, for names and aliases.</param>
/// <param name="Score">Evidence: a definition 3, a keyword 2, a title occurrence 2, an abstract occurrence 1.</param>
/// <param name="IsKeyword">True when a source attached it as a keyword (kept as a topic whatever its document frequency).</param>
public readonly record struct TopicCandidate(string Key, string Surface, float Score, bool IsKeyword = false);

/// <summary>What topic extraction finds in one paper.</summary>
/// <param name="Definitions">Acronyms the paper defines.</param>
/// <param name="Candidates">Key phrases and source keywords, one per key, with summed evidence.</param>
/// <param name="AcronymUses">Acronyms (singular) the paper uses, with how often.</param>
public sealed record PaperExtraction(
    IReadOnlyList<AcronymDefinition> Definitions,
    IReadOnlyList<TopicCandidate> Candidates,
    IReadOnlyDictionary<string, int> AcronymUses);

/// <summary>
/// Extracts topic candidates from one paper's title, abstract and source keywords: acronym definitions (both
/// directions), key phrases (runs of 2–4 words none of which is on the English or scientific stop list, RAKE-style),
/// acronyms used, and the keywords a source attached. Stateless and thread-safe.
/// </summary>
public static partial class TopicExtractor
{
    private const int MaxPhraseWords = 4;

    /// <summary>Extracts the candidates of one paper.</summary>
    public static PaperExtraction Extract(string title, string? abstractText, IReadOnlyList<string> keywords)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(keywords);
        var cleanTitle = Clean(title);
        var cleanAbstract = abstractText is null ? "" : Clean(abstractText);
        var definitions = AcronymFinder.Find(cleanTitle).Concat(AcronymFinder.Find(cleanAbstract)).ToList();
        var candidates = new Dictionary<string, (string Surface, float Score, bool IsKeyword)>(StringComparer.Ordinal);
        var uses = new Dictionary<string, int>(StringComparer.Ordinal);

        void Add(string surface, float score) => AddCandidate(surface, score, false);

        void AddCandidate(string raw, float score, bool isKeyword)
        {
            var surface = SurfaceText.Clean(raw);
            var key = TopicKey.Of(surface);
            if (key.Length < 3)
            {
                return;
            }

            candidates[key] = candidates.TryGetValue(key, out var seen)
                ? (seen.Surface, Math.Min(seen.Score + score, 8), seen.IsKeyword || isKeyword)
                : (surface, score, isKeyword);
        }

        foreach (var d in definitions)
        {
            // "state of the art (SOTA)" defines praise, not a subject.
            if (!TopicLexicon.StopAcronyms.Contains(d.Acronym) && !NounPhrase.IsStopPhrase(d.Expansion))
            {
                Add(d.Expansion, 3);
            }
        }

        Phrases(cleanTitle, 2, Add, uses);
        Phrases(cleanAbstract, 1, Add, uses);
        foreach (var keyword in keywords)
        {
            var text = SurfaceText.Clean(Clean(keyword));
            if (TopicLexicon.StopAcronyms.Contains(text) || NounPhrase.IsStopPhrase(text) || NounPhrase.IsAllGeneric(text.ToLowerInvariant().Split(' ')))
            {
                // A source's keyword goes through the same stop lists as a key phrase ("SOTA", "training data").
                continue;
            }

            var inner = AcronymFinder.Find(text);
            if (inner.Count > 0)
            {
                // "large language models (LLMs)": the keyword is a definition.
                definitions.AddRange(inner.Select(d => d with { Introduced = false }));
                AddCandidate(inner[0].Expansion, 2, true);
            }
            else if (AcronymFinder.IsShortForm(text))
            {
                AddUse(uses, TopicKey.AcronymSingular(text));
            }
            else if (text.Length >= 3)
            {
                AddCandidate(text, 2, true);
            }
        }

        return new PaperExtraction(
            definitions,
            candidates.Select(c => new TopicCandidate(c.Key, c.Value.Surface, c.Value.Score, c.Value.IsKeyword)).ToArray(),
            uses);
    }

    /// <summary>Text as topic extraction reads it: LaTeX undone, inline math and URLs removed, whitespace collapsed.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Contains('\\', StringComparison.Ordinal) ? LatexText.Clean(text) : text;
        if (s.Contains('~', StringComparison.Ordinal))
        {
            // LaTeX's non-breaking space: "large language models~(LLMs)".
            s = s.Replace('~', ' ');
        }

        if (s.Contains('$', StringComparison.Ordinal))
        {
            s = InlineMath().Replace(s, " ");
        }

        if (s.Contains("://", StringComparison.Ordinal) || s.Contains("www.", StringComparison.Ordinal))
        {
            s = UrlPattern().Replace(s, " ");
        }

        return s;
    }

    private static void Phrases(string text, float score, Action<string, float> add, Dictionary<string, int> uses)
    {
        var run = new List<string>(8);
        void Flush()
        {
            // Only the noun phrase in the run counts: verbs leading and non-nouns trailing go, generic and stop phrases too.
            if (run.Count >= 2 && NounPhrase.Trim(run) is { } phrase)
            {
                // The head of an English noun phrase is at its end: a long run keeps its last words.
                var words = phrase.Count <= MaxPhraseWords ? phrase : phrase.Skip(phrase.Count - 3).ToArray();
                add(string.Join(' ', words), score);
            }

            run.Clear();
        }

        foreach (var m in Token().EnumerateMatches(text))
        {
            if (!char.IsLetterOrDigit(text[m.Index]))
            {
                Flush();
                continue;
            }

            var token = StripPossessive(text.Substring(m.Index, m.Length)).TrimEnd('-', '\'');
            if (AcronymFinder.IsShortForm(token))
            {
                AddUse(uses, TopicKey.AcronymSingular(token));
                Flush();
                continue;
            }

            var lower = token.ToLowerInvariant();
            if (lower.Length < 2 || StopWords.All.Contains(lower) || TopicLexicon.Evaluative.Contains(lower) || IsNumber(lower) || IsStopCompound(lower) ||
                (lower.Length > 4 && lower.EndsWith("ly", StringComparison.Ordinal)) || HasInnerUpper(token))
            {
                Flush();
                continue;
            }

            run.Add(lower);
        }

        Flush();
    }

    private static void AddUse(Dictionary<string, int> uses, string acronym)
    {
        if (!TopicLexicon.StopAcronyms.Contains(acronym))
        {
            uses[acronym] = uses.GetValueOrDefault(acronym) + 1;
        }
    }

    // "optimization's" is "optimization"; "models'" is "models".
    private static string StripPossessive(string token) =>
        token.EndsWith("'s", StringComparison.Ordinal) || token.EndsWith("\u2019s", StringComparison.Ordinal) ? token[..^2] : token;

    // "state-of-the-art", "so-called", "large-scale": hyphenated stop words are stop words.
    private static bool IsStopCompound(string lower) =>
        lower.Contains('-', StringComparison.Ordinal) &&
        lower.Split('-', StringSplitOptions.RemoveEmptyEntries).All(p => StopWords.All.Contains(p) || p is "scale" or "called" or "based" or "like" or "free" or "aware");

    private static bool IsNumber(string token) => token.All(c => char.IsDigit(c) || c is '.' or '-' or '%' or 'x');

    // "DeepSeek" or "ImageNet" are names, not phrase words; they do not glue phrases together.
    private static bool HasInnerUpper(string token)
    {
        for (var i = 1; i < token.Length; i++)
        {
            if (char.IsUpper(token[i]))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}\-']*|[^\s\p{L}\p{N}]")]
    private static partial Regex Token();

    [GeneratedRegex(@"\$[^$]{0,200}\$")]
    private static partial Regex InlineMath();

    [GeneratedRegex(@"(?:https?://|www\.)\S+")]
    private static partial Regex UrlPattern();
}
