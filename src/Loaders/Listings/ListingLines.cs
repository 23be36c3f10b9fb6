using System.Globalization;
using System.Text.RegularExpressions;
using CiteGraph.Graph.Model;

namespace CiteGraph.Loaders.Listings;

/// <summary>Recognizes the kinds of line a listing page is made of.</summary>
internal static partial class ListingLines
{
    /// <summary>Lines of the page header, in the order the page prints them.</summary>
    public static readonly string[] HeaderLines =
    [
        "new",
        "Get trending papers in your email inbox!",
        "Subscribe",
        "Daily Papers",
        "byAK and the research community",
    ];

    // Header words a glued first title can follow ("SubscribeSome Title"); "new" is too short to strip safely.
    private static readonly string[] GluableHeaders = HeaderLines.Where(h => h.Length > 3).OrderByDescending(h => h.Length).ToArray();

    public static bool IsHeader(string line) => HeaderLines.Contains(line.Trim(), StringComparer.Ordinal);

    /// <summary>When a header word has the first title glued to it, the title; otherwise null.</summary>
    public static string? GluedTitle(string line)
    {
        var trimmed = line.Trim();
        foreach (var header in GluableHeaders)
        {
            if (trimmed.Length > header.Length && trimmed.StartsWith(header, StringComparison.Ordinal))
            {
                var rest = trimmed[header.Length..].Trim();
                return rest.Length > 0 ? rest : null;
            }
        }

        return null;
    }

    /// <summary>A date line: "Dec 7, 2021", "Nov 21", optionally followed by an upvote count ("Aug 28, 2025 3").</summary>
    public static bool TryParseDate(string line, out PartialDate date, out int? upvotes)
    {
        upvotes = null;
        date = default;
        var m = DateLine().Match(line.Trim());
        if (!m.Success || !PartialDate.TryParse(m.Groups["date"].Value, out date))
        {
            return false;
        }

        if (m.Groups["votes"].Success)
        {
            upvotes = int.Parse(m.Groups["votes"].Value, CultureInfo.InvariantCulture);
        }

        return true;
    }

    /// <summary>The bullet line under an abstract: "• 3 authors" or the submitting organization.</summary>
    public static bool TryParseBullet(string line, out int? authors, out string? organization)
    {
        authors = null;
        organization = null;
        var trimmed = line.Trim();
        if (!trimmed.StartsWith('•'))
        {
            return false;
        }

        var text = trimmed[1..].Trim();
        var m = AuthorsCount().Match(text);
        if (m.Success)
        {
            authors = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
        }
        else if (text.Length > 0)
        {
            organization = text;
        }

        return true;
    }

    public static bool IsSeparator(string line) => line.Trim() is "·" or "•";

    /// <summary>
    /// Whether a line reads as an abstract rather than a title: abstracts are paragraphs, titles are short and rarely end
    /// with a full stop.
    /// </summary>
    public static bool LooksLikeAbstract(string line)
    {
        var trimmed = line.Trim();
        var words = trimmed.AsSpan().Count(' ') + 1;
        return trimmed.Length >= 300 || words >= 35 || (words >= 8 && trimmed[^1] is '.' or '!' or '?');
    }

    /// <summary>Whether a line holds characters no listing text has: NULs, other control characters, undecodable bytes.</summary>
    public static bool IsGarbage(string line)
    {
        foreach (var c in line)
        {
            if (c == '\uFFFD' || (char.IsControl(c) && c != '\t'))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^(?<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{1,2}(?:, \d{4})?)(?: (?<votes>\d{1,7}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^(?<n>\d{1,5}) authors?$", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorsCount();
}
