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
        var sb = new StringBuilder();
        var word = new StringBuilder();
        foreach (var c in text.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }

            if (word.Length > 0 && sb.Length < 1000)
            {
                sb.Append(sb.Length > 0 ? " \"" : "\"").Append(word).Append('"');
            }

            word.Clear();
        }

        return sb.Length == 0 ? null : sb.ToString();
    }
}
