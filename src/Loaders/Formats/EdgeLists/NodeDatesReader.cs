using System.Runtime.CompilerServices;
using System.Text;
using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Formats.EdgeLists;

/// <summary>
/// Reads SNAP node-date files (<c>cit-HepTh-dates.txt</c>: <c>NodeId date</c>, the date as <c>YYYY-MM-DD</c> or a year):
/// each line dates the node of the matching edge list, whose namespace is this file's dataset name without the
/// <c>-dates</c> suffix (<c>cit-HepPh-dates.txt</c> dates <c>cit-HepPh:9907233</c>). Dated nodes without edges become
/// papers too. A node dated twice keeps both lines as sources; the stored date is the more complete, then the earlier.
/// </summary>
public sealed class NodeDatesReader : IRecordReader
{
    /// <summary>The format name, for the command line.</summary>
    public const string FormatName = "node-dates";

    /// <summary>Provenance format of node-date lines (id-only records).</summary>
    public const string DatesFormat = "node-dates-ids";

    /// <inheritdoc />
    public string Format => FormatName;

    /// <summary>The edge-list namespace a dates file belongs to.</summary>
    public static string DatasetOf(InputFile input)
    {
        var dataset = EdgeListReader.DatasetOf(input);
        return dataset.EndsWith("-dates", StringComparison.OrdinalIgnoreCase) ? dataset[..^"-dates".Length] : dataset;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ReadResult> ReadAsync(InputFile input, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var dataset = DatasetOf(input);
        await using var stream = input.OpenContent();
        using var reader = new StreamReader(stream, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            var text = line.AsSpan().Trim();
            if (text.IsEmpty || text[0] is '#' or '%')
            {
                continue;
            }

            var tokens = text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length != 2)
            {
                yield return ReadResult.Rejected(input.Name, lineNumber, $"expected 'node-id date', found {tokens.Length} fields");
                continue;
            }

            if (!PartialDate.TryParse(tokens[1], out var date) || date.Year is null)
            {
                yield return ReadResult.Rejected(input.Name, lineNumber, $"'{tokens[1]}' is not a date (YYYY-MM-DD or YYYY)");
                continue;
            }

            var id = new ExternalId(ExternalIdKind.EdgeList, $"{dataset}:{tokens[0]}");
            yield return ReadResult.Ok(new PaperRecord
            {
                Title = id.Value,
                Published = date,
                ExternalIds = [id],
                Source = new SourceRef(input.Name, lineNumber, DatesFormat),
            });
        }
    }
}
