using System.Text;

namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// Turns free text into an FTS5 query that matches every word, each quoted, so that no user input is ever read as FTS
/// syntax (operators, column filters, unbalanced quotes).
/// </summary>
internal static class FtsQuery
{
    /// <summary>The FTS5 MATCH expression, or null when the text has no word to search for.</summary>
    public static string? FromText(string text)
    {
        var phrases = Phrases(text);
        return phrases.Count == 0 ? null : string.Join(' ', phrases);
    }

    /// <summary>
    /// The quoted phrases of <see cref="FromText"/>, in order (a repeated word stays repeated: FTS5 counts it twice in
    /// bm25); the MATCH expression is their concatenation with spaces.
    /// </summary>
    public static IReadOnlyList<string> Phrases(string text)
    {
        var phrases = new List<string>();
        var length = 0;
        var word = new StringBuilder();
        foreach (var c in text.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }

            // The expression stays under about 1,000 characters, as it always did.
            if (word.Length > 0 && length < 1000)
            {
                var phrase = $"\"{word}\"";
                length += phrase.Length + (phrases.Count > 0 ? 1 : 0);
                phrases.Add(phrase);
            }

            word.Clear();
        }

        return phrases;
    }
}
