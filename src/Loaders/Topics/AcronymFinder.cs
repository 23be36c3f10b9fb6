using CiteGraph.Graph.Model;
using System.Text.RegularExpressions;

namespace CiteGraph.Loaders.Topics;

/// <summary>An acronym a text defines: <c>direct preference optimization (DPO)</c> or <c>DPO (direct preference optimization)</c>.</summary>
/// <param name="Acronym">The short form, singular (<c>LLM</c> for <c>LLMs</c>).</param>
/// <param name="Expansion">The long form as written.</param>
/// <param name="Introduced">True when the text coins it ("we propose X (A)", "a method called X (A)"), not merely spells it out.</param>
/// <param name="Evidence">The defining text, e.g. <c>sparse lattice attention (SLA)</c>.</param>
public sealed record AcronymDefinition(string Acronym, string Expansion, bool Introduced, string Evidence);

/// <summary>
/// Finds acronym definitions with the Schwartz–Hearst algorithm (2003): the short form's characters, read right to
/// left, must appear in order in the long form, its first character at the start of a word; the long form is at most
/// min(|A| + 5, 2|A|) words. Both directions are recognised.
/// </summary>
public static partial class AcronymFinder
{
    /// <summary>The definitions in a text, in order of appearance.</summary>
    public static List<AcronymDefinition> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<AcronymDefinition>();
        foreach (Match m in Parenthesized().Matches(text))
        {
            var inner = m.Groups["inner"].Value.Trim();
            var cut = inner.IndexOfAny([';', ',']);
            var first = (cut >= 0 ? inner[..cut] : inner).Trim();
            if (first.Length == 0)
            {
                continue;
            }

            if (IsShortForm(first))
            {
                // long form (SHORT)
                var before = text.AsSpan(0, m.Index).TrimEnd();
                var sentenceStart = before.LastIndexOfAny(".;:!?()[]");
                var window = before[(sentenceStart + 1)..].ToString();
                var words = window.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var acronym = TopicKey.AcronymSingular(first);
                var max = Math.Min(LetterCount(acronym) + 5, LetterCount(acronym) * 2);
                var candidate = string.Join(' ', words.Skip(Math.Max(0, words.Length - max)));
                var longForm = LongForm(acronym, candidate);
                if (longForm is not null && Plausible(acronym, longForm))
                {
                    var precedingWords = words.Length - longForm.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                    var introduced = IsIntroduced(words.AsSpan(0, Math.Max(0, precedingWords)));
                    found.Add(new AcronymDefinition(acronym, TrimTrailing(longForm), introduced, $"{longForm} ({first})"));
                }
            }
            else if (first.Contains(' ', StringComparison.Ordinal))
            {
                // SHORT (long form)
                var before = text.AsSpan(0, m.Index).TrimEnd();
                var space = before.LastIndexOfAny(' ', '(', '\n');
                var token = before[(space + 1)..].Trim(",.;:\"'").ToString();
                if (!IsShortForm(token))
                {
                    continue;
                }

                var acronym = TopicKey.AcronymSingular(token);
                var longForm = LongForm(acronym, first);
                if (longForm is not null && longForm.Length >= first.Length - 1 && Plausible(acronym, longForm))
                {
                    var words = before[..Math.Max(0, space)].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    var introduced = IsIntroduced(words.AsSpan(Math.Max(0, words.Length - 6)));
                    found.Add(new AcronymDefinition(acronym, TrimTrailing(longForm), introduced, $"{token} ({first})"));
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Names a text coins without spelling them out: "our final model S4D", "we propose MemGovern, …", "a framework
    /// called DeepFoo". Only coined shapes count: acronyms and CamelCase or alphanumeric names, never plain words.
    /// </summary>
    public static List<(string Name, string Evidence)> CoinedNames(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = new List<(string, string)>();
        foreach (Match m in Coined().Matches(text))
        {
            var name = m.Groups["name"].Value.TrimEnd('-');
            if (IsCoinedName(name) && names.All(n => n.Item1 != name))
            {
                names.Add((name, m.Value));
            }
        }

        return names;
    }

    /// <summary>An acronym shape, CamelCase ("MemGovern") or letters with digits ("S4D"), at least three characters.</summary>
    public static bool IsCoinedName(string name) =>
        name.Length >= 3 && char.IsLetter(name[0]) &&
        (IsShortForm(name) || IsCamelCase(name) || (name.Any(char.IsDigit) && char.IsUpper(name[0])));

    // "MemGovern", "DeepSeek": an upper-case letter right after a lower-case one; "On-Policy" or "Test-Time" are not.
    private static bool IsCamelCase(string name)
    {
        for (var i = 1; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && char.IsLower(name[i - 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when a token has the shape of an acronym: 2–10 characters, starting with a letter or digit, at least two
    /// upper-case letters and no lower-case run longer than the upper-case ones (<c>DPO</c>, <c>rDPO</c>, <c>VaGraM</c>,
    /// <c>GPT-4</c>; not <c>Transformer</c>, <c>II</c>, <c>iii</c>).
    /// </summary>
    public static bool IsShortForm(string token)
    {
        if (token.Length is < 2 or > 12 || !char.IsLetterOrDigit(token[0]))
        {
            return false;
        }

        int upper = 0, lower = 0, letters = 0;
        foreach (var c in token)
        {
            if (char.IsUpper(c))
            {
                upper++;
                letters++;
            }
            else if (char.IsLower(c))
            {
                lower++;
                letters++;
            }
            else if (!char.IsDigit(c) && c != '-')
            {
                return false;
            }
        }

        return upper >= 2 && lower <= upper + 1 && letters >= 2 && !RomanNumeral().IsMatch(token);
    }

    /// <summary>The Schwartz–Hearst long form of <paramref name="shortForm"/> ending <paramref name="candidate"/>, or null.</summary>
    internal static string? LongForm(string shortForm, string candidate)
    {
        var s = shortForm.Length - 1;
        var l = candidate.Length - 1;
        while (s >= 0)
        {
            var c = char.ToLowerInvariant(shortForm[s]);
            if (!char.IsLetterOrDigit(c))
            {
                s--;
                continue;
            }

            while ((l >= 0 && char.ToLowerInvariant(candidate[l]) != c) ||
                   (s == 0 && l > 0 && char.IsLetterOrDigit(candidate[l - 1])))
            {
                l--;
            }

            if (l < 0)
            {
                return null;
            }

            l--;
            s--;
        }

        var start = candidate.LastIndexOf(' ', Math.Max(0, l)) + 1;
        if (l < 0)
        {
            start = 0;
        }

        return candidate[start..].Trim();
    }

    private static bool Plausible(string acronym, string longForm)
    {
        var words = TopicKey.Words(longForm);
        if (words.Count == 0 || longForm.Length <= acronym.Length || StopWords.Function.Contains(words[0]) || words.Count(w => !StopWords.All.Contains(w)) < 2)
        {
            return false;
        }

        // "attention (SLA)" is no definition: a long form spells out most of the letters with its own words.
        if (words.Count < 2 && !longForm.Contains('-', StringComparison.Ordinal))
        {
            return false;
        }

        if (longForm.Contains(acronym, StringComparison.Ordinal) && words.Count < 2)
        {
            return false;
        }

        return words.Count <= LetterCount(acronym) + 2 && !longForm.Contains('(', StringComparison.Ordinal) &&
               !longForm.Contains("http", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsIntroduced(ReadOnlySpan<string> preceding)
    {
        // Walk back over filler ("a novel framework called") to the verb that coins the name.
        for (var i = preceding.Length - 1; i >= 0 && i >= preceding.Length - 6; i--)
        {
            var word = preceding[i].Trim(',', '.', ';', ':', '"', '\'').ToLowerInvariant();
            if (StopWords.IntroductionVerbs.Contains(word))
            {
                return true;
            }

            if (!StopWords.IntroductionFiller.Contains(word) && !IsAdjectiveLike(word))
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsAdjectiveLike(string word) => word.EndsWith('-') || word.Contains('-', StringComparison.Ordinal);

    private static string TrimTrailing(string longForm) => longForm.Trim().Trim(',', '.', ';', ':', '"', '\'', '\u201c', '\u201d');

    private static int LetterCount(string s) => s.Count(char.IsLetterOrDigit);

    [GeneratedRegex(@"\b(?:[Ww]e (?:propose|introduce|present|develop|call (?:it|this|them|our \w+)|name (?:it|this)|dub (?:it|this)|term (?:it|this))|[Oo]ur (?:final |new |proposed |resulting )?(?:model|method|approach|framework|algorithm|system|architecture|benchmark|dataset|agent)|(?:called|named|dubbed|termed|coined))[,:]?\s+(?:(?:a|an|the|new|novel|simple|model|method|framework|algorithm|called|named|dubbed|termed)\s+){0,3}(?<name>[A-Za-z][A-Za-z0-9\-]{2,24})\b")]
    private static partial Regex Coined();

    [GeneratedRegex(@"\((?<inner>[^()]{1,120})\)")]
    private static partial Regex Parenthesized();

    [GeneratedRegex(@"^(?:[IVXivx]+|[a-z])$")]
    private static partial Regex RomanNumeral();
}
