using System.Text.RegularExpressions;

namespace CiteGraph.Loaders.Text;

/// <summary>Undoes the LaTeX that abstracts carry into plain text: escapes (<c>\_</c>), accents (<c>Schr\"odinger</c>), \url and \href.</summary>
public static partial class LatexText
{
    /// <summary>The text with LaTeX escapes, accents and URL macros replaced by what they print.</summary>
    public static string Clean(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        text = Href().Replace(text, " ${url} ${label} ");
        text = Url().Replace(text, " ${url} ");
        text = Accent().Replace(text, m => Accented(m.Groups["mark"].Value[0], m.Groups["letter"].Value[0]));
        return Escape().Replace(text, "${c}");
    }

    private static string Accented(char mark, char letter)
    {
        var combining = mark switch
        {
            '"' => '\u0308',
            '\'' => '\u0301',
            '`' => '\u0300',
            '^' => '\u0302',
            '~' => '\u0303',
            '=' => '\u0304',
            '.' => '\u0307',
            'u' => '\u0306',
            'v' => '\u030C',
            'H' => '\u030B',
            'c' => '\u0327',
            _ => '\0',
        };
        return combining == '\0' ? letter.ToString() : string.Concat(letter, combining).Normalize();
    }

    [GeneratedRegex(@"\\href\{(?<url>[^{}\s]*)\}\{(?<label>[^{}]*)\}")]
    private static partial Regex Href();

    [GeneratedRegex(@"\\url\{(?<url>[^{}\s]*)\}")]
    private static partial Regex Url();

    [GeneratedRegex(@"\{?\\(?<mark>[""'`^~=.uvHc])\{?(?<letter>[A-Za-z])\}?\}?")]
    private static partial Regex Accent();

    [GeneratedRegex(@"\\(?<c>[_%&#$~{}])")]
    private static partial Regex Escape();
}
