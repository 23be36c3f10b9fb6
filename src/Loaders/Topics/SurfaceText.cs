using System.Text.RegularExpressions;

namespace CiteGraph.Loaders.Topics;

/// <summary>
/// The cleaning every topic name and alias goes through before it is kept: LaTeX leftovers (<c>~</c>, braces,
/// backslashes, <c>$ ^ _</c>) become spaces, possessives go ("optimization's" → "optimization", "models'" → "models"),
/// leading and trailing punctuation is trimmed and whitespace collapsed.
/// </summary>
public static partial class SurfaceText
{
    /// <summary>The cleaned form of <paramref name="surface"/>; empty when nothing but punctuation remains.</summary>
    public static string Clean(string surface)
    {
        ArgumentNullException.ThrowIfNull(surface);
        var s = LatexLeftover().Replace(surface, " ");
        s = Possessive().Replace(s, "${word}");
        s = Spaces().Replace(s, " ");
        return s.Trim().Trim(Punctuation).Trim();
    }

    private static readonly char[] Punctuation =
        ['.', ',', ';', ':', '!', '?', '"', '\'', '\u2018', '\u2019', '\u201c', '\u201d', '(', ')', '[', ']', '*', '-', '\u2013', '\u2014', '/', '|', '&', '+', '=', '<', '>', '#', '%', '@', '`', ' '];

    [GeneratedRegex(@"[~{}\\$^_]")]
    private static partial Regex LatexLeftover();

    // "optimization's", "model’s", "models'": the possessive is no part of a name.
    [GeneratedRegex(@"(?<word>\w)(?:['\u2019]s|(?<=s)['\u2019])(?=\W|$)")]
    private static partial Regex Possessive();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
