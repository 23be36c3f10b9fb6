using System.Runtime.CompilerServices;
using System.Text;
using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Formats.EdgeLists;

/// <summary>
/// Reads Cora <c>.content</c> files: <c>paper_id word_attributes… class_label</c>, one paper a line, tab-separated.
/// Each line becomes the node <c>cora:&lt;paper_id&gt;</c> (the namespace of the matching <c>.cites</c> file), so papers
/// that cite nothing and are cited by nothing are still part of the corpus.
/// </summary>
public sealed class CoraContentReader : IRecordReader
{
    /// <summary>Provenance format of Cora <c>.content</c> files.</summary>
    public const string ContentFormat = "cora-content-ids";

    /// <inheritdoc />
    public string Format => "cora";

    /// <inheritdoc />
    public async IAsyncEnumerable<ReadResult> ReadAsync(InputFile input, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var dataset = EdgeListReader.DatasetOf(input);
        var grouper = new EdgeGrouper(input.Name, ContentFormat, id => id.Value);
        await using var stream = input.OpenContent();
        using var reader = new StreamReader(stream, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 0)
            {
                continue;
            }

            if (tokens.Length < 3 || tokens[1..^1].Any(t => t is not ("0" or "1")))
            {
                yield return ReadResult.Rejected(input.Name, lineNumber,
                    "expected 'paper_id', 0/1 word attributes and a class label separated by tabs");
                continue;
            }

            var node = new ExternalId(ExternalIdKind.EdgeList, $"{dataset}:{tokens[0]}");
            if (grouper.AddNode(node, lineNumber) is { } record)
            {
                yield return ReadResult.Ok(record);
            }
            else
            {
                yield return ReadResult.Rejected(input.Name, lineNumber, $"paper {tokens[0]} is listed twice");
            }
        }
    }
}
