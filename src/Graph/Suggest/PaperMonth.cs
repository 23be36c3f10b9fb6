using System.Globalization;

namespace CiteGraph.Graph.Suggest;

/// <summary>
/// When a paper appeared, to the month where known: suggestions may only be earlier papers (or of the same month), and
/// a held-out evaluation may only see citations made strictly before the paper.
/// </summary>
/// <param name="Year">The year, or null when unknown.</param>
/// <param name="Month">1–12, or 0 when only the year is known.</param>
public readonly record struct PaperMonth(int? Year, int Month)
{
    /// <summary>From an ISO 8601 date, possibly partial ("2021", "2021-06", "2021-06-01"), else the year alone.</summary>
    public static PaperMonth Of(string? published, int? year)
    {
        if (published is { Length: >= 4 } p && int.TryParse(p.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y))
        {
            var month = p.Length >= 7 && p[4] == '-' && int.TryParse(p.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12 ? m : 0;
            return new PaperMonth(y, month);
        }

        return new PaperMonth(year, 0);
    }

    /// <summary>
    /// True when this paper may be suggested to <paramref name="citing"/>: earlier, or in the same month, or in the same
    /// year where a month is unknown. A paper of unknown date is never suggested to a dated one.
    /// </summary>
    public bool MayBeCitedBy(PaperMonth citing) =>
        citing.Year is not { } cy || (Year is { } y && (y < cy || (y == cy && (Month == 0 || citing.Month == 0 || Month <= citing.Month))));

    /// <summary>True when this paper certainly appeared before <paramref name="other"/> (a strictly earlier year, or month of the same year).</summary>
    public bool IsStrictlyBefore(PaperMonth other) =>
        Year is { } y && other.Year is { } oy && (y < oy || (y == oy && Month > 0 && other.Month > 0 && Month < other.Month));
}
