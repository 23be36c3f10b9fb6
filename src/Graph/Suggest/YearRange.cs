using System.Globalization;

namespace CiteGraph.Graph.Suggest;

/// <summary>An inclusive range of years ("2020-2022", or "2021" alone), choosing the citing papers of an evaluation or a fit.</summary>
public readonly record struct YearRange(int From, int To)
{
    public bool Contains(int? year) => year is { } y && y >= From && y <= To;

    public static YearRange Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('-', 2, StringSplitOptions.TrimEntries);
        if (int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            && (parts.Length == 1 ? from : int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : -1) is var to
            && to >= from)
        {
            return new YearRange(from, to);
        }

        throw new FormatException($"'{text}' is not a year or a range of years like 2020-2022.");
    }

    public override string ToString() => From == To ? From.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{From}-{To}");
}
