using System.Globalization;
using System.Text.RegularExpressions;
using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Formats.EdgeLists;

/// <summary>What the first data lines of a text input look like as whitespace-separated columns, for the edge list sniffs.</summary>
internal static partial class EdgeColumns
{
    /// <summary>
    /// The rows of the head that are <c>a b</c> pairs (a third column a numeric weight), when they are at least four in
    /// five of the data rows (the odd malformed line is the reader's to report), else null. A header row is left out.
    /// </summary>
    public static IReadOnlyList<string[]>? Pairs(InputHead head)
    {
        if (head.DataLines.Count == 0)
        {
            return null;
        }

        var rows = head.DataLines.Select(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToList();
        var data = EdgeListReader.IsHeader(rows[0]) ? rows.Skip(1).ToList() : rows;
        // Node ids carry a digit (SNAP and Cora ids are numbers, others like W123 or P98-1048 too) and a third
        // column is a numeric weight: two words of prose are not an edge.
        var pairs = data.Where(r => r.Length is 2 or 3 && r[0].Length <= 200 && r[1].Length <= 200 &&
                                    r[0].Any(char.IsAsciiDigit) && r[1].Any(char.IsAsciiDigit) &&
                                    (r.Length == 2 || double.TryParse(r[2], NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            .ToList();
        return pairs.Count > 0 && pairs.Count * 5 >= data.Count * 4 ? pairs : null;
    }

    /// <summary>True when every pair's second column is a date or a year, and either one is a full date or the file is named for dates.</summary>
    public static bool AreNodeDates(InputHead head, IReadOnlyList<string[]> pairs) =>
        pairs.All(r => DateValue().IsMatch(r[1])) &&
        (pairs.Any(r => r[1].Contains('-', StringComparison.Ordinal)) || head.Input.BaseName().Contains("date", StringComparison.OrdinalIgnoreCase));

    /// <summary>Cora <c>.content</c>: the first non-blank line is an id, many 0/1 word attributes and a class label.</summary>
    public static bool IsCoraContent(string text)
    {
        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        var tokens = line?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) ?? [];
        return tokens.Length > 10 && tokens[1..^1].All(t => t is "0" or "1") && !tokens[^1].All(char.IsAsciiDigit);
    }

    [GeneratedRegex(@"^\d{4}(?:-\d{2}(?:-\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateValue();
}
