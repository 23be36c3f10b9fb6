using System.Text;

namespace CiteGraph.Graph.Neo4j;

/// <summary>
/// Turns free text into a Lucene query for the <c>paper_text</c> full-text index that requires every word, in the title
/// (weighted ten times) or the abstract. Only letters and digits reach the query, lower-cased, so no user input is ever
/// read as Lucene syntax (operators, fields, wildcards, unbalanced quotes); and the snippet the SQLite store's FTS5 gives.
/// </summary>
internal static class LuceneQuery
{
    /// <summary>The words of a text, lower-cased, as the full-text condition will use them (at most 64).</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (word.Length > 0 && words.Count < 64)
            {
                words.Add(word.ToString());
            }

            word.Clear();
        }

        return words;
    }

    /// <summary>The Lucene query, or null when the text has no word to search for.</summary>
    public static string? FromText(string text)
    {
        var words = Words(text);
        return words.Count == 0 ? null : string.Join(' ', words.Distinct(StringComparer.Ordinal).Select(w => $"+(title:{w}^10 abstract:{w})"));
    }

    /// <summary>
    /// About sixteen words around the first match, from the title when it matches, else the abstract, with each matched
    /// word in square brackets and an ellipsis where text was cut.
    /// </summary>
    public static string Snippet(string title, string? @abstract, string text)
    {
        var words = new HashSet<string>(Words(text), StringComparer.Ordinal);
        static bool Contains(string s, HashSet<string> w) => Tokens(s).Any(t => w.Contains(t.Word));
        var source = Contains(title, words) || string.IsNullOrEmpty(@abstract) ? title : @abstract;
        var tokens = Tokens(source).ToList();
        var first = tokens.FindIndex(t => words.Contains(t.Word));
        var start = Math.Max(0, first - 4);
        var end = Math.Min(tokens.Count, start + 16);
        var sb = new StringBuilder();
        if (start > 0)
        {
            sb.Append('…');
        }

        var position = start < tokens.Count ? tokens[start].Start : source.Length;
        for (var i = start; i < end; i++)
        {
            var t = tokens[i];
            sb.Append(source, position, t.Start - position);
            var original = source.Substring(t.Start, t.Length);
            sb.Append(words.Contains(t.Word) ? $"[{original}]" : original);
            position = t.Start + t.Length;
        }

        if (end < tokens.Count)
        {
            sb.Append('…');
        }
        else
        {
            sb.Append(source, position, source.Length - position);
        }

        return sb.ToString();
    }

    private static IEnumerable<(int Start, int Length, string Word)> Tokens(string s)
    {
        var i = 0;
        while (i < s.Length)
        {
            if (!char.IsLetterOrDigit(s[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < s.Length && char.IsLetterOrDigit(s[i]))
            {
                i++;
            }

            yield return (start, i - start, s[start..i].ToLowerInvariant());
        }
    }
}
