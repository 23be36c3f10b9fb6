using System.Globalization;

namespace CiteGraph.Graph.Model;

/// <summary>
/// A calendar date whose parts may be missing: listings often print "Nov 21" without a year, and a year is never invented.
/// </summary>
public readonly record struct PartialDate(int? Year, int? Month, int? Day)
{
    private static readonly string[] MonthNames =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>ISO 8601 text: <c>2021-12-07</c>, <c>2021-12</c>, <c>2021</c>, or <c>--11-21</c> when the year is unknown.</summary>
    public override string ToString() => (Year, Month, Day) switch
    {
        ({ } y, { } m, { } d) => FormattableString.Invariant($"{y:D4}-{m:D2}-{d:D2}"),
        ({ } y, { } m, null) => FormattableString.Invariant($"{y:D4}-{m:D2}"),
        ({ } y, _, _) => FormattableString.Invariant($"{y:D4}"),
        (null, { } m, { } d) => FormattableString.Invariant($"--{m:D2}-{d:D2}"),
        (null, { } m, null) => FormattableString.Invariant($"--{m:D2}"),
        _ => "",
    };

    /// <summary>How many of year, month and day are known; used to keep the more complete of two dates.</summary>
    public int Completeness => (Year is null ? 0 : 4) + (Month is null ? 0 : 2) + (Day is null ? 0 : 1);

    /// <summary>Parses "Dec 7, 2021", "Nov 21", "2021-12-07", "2021-12", "2021" or "--11-21".</summary>
    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        if (s.StartsWith("--", StringComparison.Ordinal))
        {
            var parts = s[2..].Split('-');
            if (parts.Length is 1 or 2 && TryMonth(parts[0], out var m) &&
                (parts.Length == 1 || TryDay(parts[1], out _)))
            {
                date = new PartialDate(null, m, parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : null);
                return true;
            }

            return false;
        }

        if (char.IsAsciiDigit(s[0]))
        {
            var parts = s.Split('T')[0].Split('-');
            if (parts[0].Length != 4 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            {
                return false;
            }

            int? month = null, day = null;
            if (parts.Length > 1)
            {
                if (!TryMonth(parts[1], out var m))
                {
                    return false;
                }

                month = m;
            }

            if (parts.Length > 2)
            {
                if (!TryDay(parts[2], out var d))
                {
                    return false;
                }

                day = d;
            }

            date = new PartialDate(y, month, day);
            return parts.Length <= 3;
        }

        // "Dec 7, 2021" or "Nov 21"
        var words = s.Replace(",", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 3 || words[0].Length < 3)
        {
            return false;
        }

        var monthIndex = Array.IndexOf(MonthNames, words[0][..3].ToLowerInvariant());
        if (monthIndex < 0 || !TryDay(words[1], out var dayOfMonth))
        {
            return false;
        }

        int? year = null;
        if (words.Length == 3)
        {
            if (words[2].Length != 4 || !int.TryParse(words[2], NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            {
                return false;
            }

            year = y;
        }

        date = new PartialDate(year, monthIndex + 1, dayOfMonth);
        return true;
    }

    private static bool TryMonth(string s, out int month) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out month) && month is >= 1 and <= 12;

    private static bool TryDay(string s, out int day) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out day) && day is >= 1 and <= 31;
}
