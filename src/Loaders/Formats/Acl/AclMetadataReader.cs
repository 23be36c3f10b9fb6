using System.Buffers;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Formats.Acl;

/// <summary>
/// Reads ACL Anthology Network metadata (<c>acl-metadata.txt</c>): blocks of <c>id = {…}</c>, <c>author = {Last, First;
/// …}</c>, <c>title</c>, <c>venue</c>, <c>year</c> lines separated by blank lines. The file is not valid UTF-8 (Windows-1252
/// quotes in a few titles), so each line is decoded as UTF-8 and, failing that, as Windows-1252; HTML entities
/// (<c>&amp;uuml;</c>) are decoded. A paper is known by its Anthology id as <c>acl:D10-1001</c>
/// (<see cref="ExternalIdKind.EdgeList"/>, the namespace of the AAN citation network's node ids), so papers that share
/// a title stay apart.
/// </summary>
public sealed partial class AclMetadataReader : IRecordReader
{
    /// <summary>The format name, for the command line and provenance.</summary>
    public const string FormatName = "acl";

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <inheritdoc />
    public string Format => FormatName;

    /// <summary>True when <paramref name="line"/> opens an AAN metadata block (<c>id = {D10-1001}</c>).</summary>
    internal static bool IsBlockStart(string line) => Field().Match(line.Trim()) is { Success: true } m && m.Groups["name"].Value == "id";

    /// <inheritdoc />
    public async IAsyncEnumerable<ReadResult> ReadAsync(InputFile input, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var stream = input.OpenContent();
        var block = new Dictionary<string, string>(StringComparer.Ordinal);
        var blockLine = 0;
        await foreach (var (number, line) in LinesAsync(stream, cancellationToken).ConfigureAwait(false))
        {
            var text = line.Trim();
            if (text.Length == 0)
            {
                if (block.Count > 0)
                {
                    yield return Map(input.Name, blockLine, block);
                    block.Clear();
                }

                continue;
            }

            var m = Field().Match(text);
            if (!m.Success)
            {
                yield return ReadResult.Rejected(input.Name, number, "expected 'name = {value}'");
                continue;
            }

            if (block.Count == 0)
            {
                blockLine = number;
            }

            if (!block.TryAdd(m.Groups["name"].Value, m.Groups["value"].Value))
            {
                // A second 'id' without a blank line between: the previous block ends here.
                yield return Map(input.Name, blockLine, block);
                block.Clear();
                blockLine = number;
                block[m.Groups["name"].Value] = m.Groups["value"].Value;
            }
        }

        if (block.Count > 0)
        {
            yield return Map(input.Name, blockLine, block);
        }
    }

    private static ReadResult Map(string source, int line, Dictionary<string, string> block)
    {
        if (!block.TryGetValue("id", out var id) || id.Length == 0)
        {
            return ReadResult.Rejected(source, line, "block without an id");
        }

        var title = block.TryGetValue("title", out var t) ? Clean(t) : "";
        if (title.Length == 0)
        {
            return ReadResult.Rejected(source, line, $"{id} has no title");
        }

        var authors = block.TryGetValue("author", out var a)
            // Entities first: '&uuml;' holds the ';' that separates authors.
            ? Clean(a).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Name).Where(n => n.Length > 0).ToArray()
            : [];
        PartialDate? published = block.TryGetValue("year", out var y) && PartialDate.TryParse(y, out var date) ? date : null;
        return ReadResult.Ok(new PaperRecord
        {
            Title = title,
            Published = published,
            Authors = authors,
            AuthorsCount = authors.Length > 0 ? authors.Length : null,
            ExternalIds = [new ExternalId(ExternalIdKind.EdgeList, "acl:" + id)],
            Source = new SourceRef(source, line, FormatName),
        });
    }

    /// <summary>"Rush, Alexander M." → "Alexander M. Rush".</summary>
    private static string Name(string lastFirst)
    {
        var clean = Clean(lastFirst);
        var comma = clean.IndexOf(',', StringComparison.Ordinal);
        return comma < 0 ? clean : $"{clean[(comma + 1)..].Trim()} {clean[..comma].Trim()}".Trim();
    }

    private static string Clean(string text) => WebUtility.HtmlDecode(text).Trim();

    /// <summary>The lines of a stream, each decoded as UTF-8 or, when that fails, as Windows-1252.</summary>
    private static async IAsyncEnumerable<(int Number, string Text)> LinesAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        var line = new ArrayBufferWriter<byte>(256);
        var number = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            var chunk = buffer.AsMemory(0, read);
            int newline;
            while ((newline = chunk.Span.IndexOf((byte)'\n')) >= 0)
            {
                line.Write(chunk.Span[..newline]);
                yield return (++number, Decode(line.WrittenSpan));
                line.ResetWrittenCount();
                chunk = chunk[(newline + 1)..];
            }

            line.Write(chunk.Span);
        }

        if (line.WrittenCount > 0)
        {
            yield return (++number, Decode(line.WrittenSpan));
        }
    }

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        bytes = bytes.TrimEnd((byte)'\r');
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Windows1252.GetString(bytes);
        }
    }

    [GeneratedRegex(@"^(?<name>[a-z]+)\s*=\s*\{(?<value>.*)\}$", RegexOptions.CultureInvariant)]
    private static partial Regex Field();
}
