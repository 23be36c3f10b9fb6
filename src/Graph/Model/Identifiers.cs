using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CiteGraph.Graph.Model;

/// <summary>Normalization of paper identifiers and titles, shared by the loaders (resolution) and the API (look-ups).</summary>
public static partial class Identifiers
{
    /// <summary>
    /// Normalizes an arXiv id: strips <c>arXiv:</c>, URLs and the version suffix (<c>2101.00001v2</c> → <c>2101.00001</c>);
    /// accepts old-style ids (<c>hep-th/9901001</c>). Returns null for anything else.
    /// </summary>
    public static string? NormalizeArxiv(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var m = ArxivPattern().Match(text.Trim());
        return m.Success ? m.Groups["id"].Value.ToLowerInvariant() : null;
    }

    /// <summary>Normalizes a DOI: lower-cased, without <c>https://doi.org/</c> or <c>doi:</c>, without trailing punctuation.</summary>
    public static string? NormalizeDoi(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var m = DoiPattern().Match(text.Trim());
        if (!m.Success)
        {
            return null;
        }

        var doi = m.Value.TrimEnd('.', ',', ';', ':', ')', ']', '}', '>', '"', '\'').ToLowerInvariant();
        // A closing parenthesis is part of some DOIs; keep it only when the DOI opened one.
        return doi.Length > 0 ? doi : null;
    }

    /// <summary>
    /// Normalizes an OpenAlex work id: <c>https://openalex.org/W2741809807</c>, <c>openalex.org/works/w2741809807</c> and
    /// <c>W2741809807</c> all give <c>W2741809807</c>. Returns null for anything else.
    /// </summary>
    public static string? NormalizeOpenAlex(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var key = text.Trim().TrimEnd('/');
        key = key[(key.LastIndexOf('/') + 1)..].ToUpperInvariant();
        return key.Length > 1 && key[0] == 'W' && !key.AsSpan(1).ContainsAnyExceptInRange('0', '9') ? key : null;
    }

    /// <summary>
    /// The identity key of a title: LaTeX accents and escapes undone, unicode folded to ASCII letters where it has them,
    /// case and punctuation dropped, whitespace collapsed.
    /// </summary>
    public static string TitleKey(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        // Plain ASCII without a backslash has no LaTeX to undo and is its own decomposition: most titles go straight to the key.
        if (Ascii.IsValid(title) && !title.Contains('\\', StringComparison.Ordinal))
        {
            return Key(title);
        }

        var text = LatexAccent().Replace(title, "${letter}");
        text = text.Replace("\\", "", StringComparison.Ordinal);
        return Key(text.Normalize(NormalizationForm.FormKD));
    }

    /// <summary>Letters and digits lower-cased, marks dropped, other separators as single spaces (the key is never longer).</summary>
    private static string Key(string decomposed)
    {
        char[]? rented = null;
        var key = decomposed.Length <= 512 ? stackalloc char[512] : (rented = ArrayPool<char>.Shared.Rent(decomposed.Length));
        try
        {
            var length = 0;
            var pendingSpace = false;
            foreach (var c in decomposed)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                {
                    continue;
                }

                if (char.IsLetterOrDigit(c))
                {
                    if (pendingSpace && length > 0)
                    {
                        key[length++] = ' ';
                    }

                    key[length++] = char.ToLowerInvariant(c);
                    pendingSpace = false;
                }
                else if (c != '\'' && c != '\u2019')
                {
                    // Apostrophes join ("Users'" = "Users"); every other separator splits words.
                    pendingSpace = true;
                }
            }

            return new string(key[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    [GeneratedRegex(@"(?:arxiv\.org/(?:abs|pdf)/|arxiv:\s*)?(?<id>\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?(?:\.pdf)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ArxivPattern();

    [GeneratedRegex(@"10\.\d{4,9}/\S+", RegexOptions.IgnoreCase)]
    private static partial Regex DoiPattern();

    // \"o, \'e, \`a, \^o, \~n, \=a, \.z, \u{g}, {\"o}, \"{o}
    [GeneratedRegex(@"\{?\\[""'`^~=.uvHck]\{?(?<letter>[A-Za-z])\}?\}?")]
    private static partial Regex LatexAccent();
}
