using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Formats.EdgeLists;

/// <summary>
/// Reads citation edge lists (DESIGN §4.6): SNAP files (<c># comment</c> lines, then <c>from to</c> separated by tabs or
/// spaces) and Cora <c>.cites</c> files (<c>cited citing</c>, with or without a <c>Paper_ID Cited_ID</c> header line).
/// Node ids become <see cref="ExternalIdKind.EdgeList"/> ids namespaced by the dataset (<c>cora:35</c>,
/// <c>cit-HepPh:9907233</c>), so two datasets' node <c>1</c> stay apart. Every node becomes a paper.
/// </summary>
/// <remarks>
/// When the ids are arXiv ids or DOIs (<see cref="EdgeIdKind"/>; by default decided from the first
/// <see cref="DetectionSample"/> edges), the edges are citations between the papers with those ids, wherever those
/// papers come from: each citing paper becomes an id-only record carrying its references (it merges into the paper when
/// that is known, in this load or a later one), and a cited paper not known yet is a stub until it arrives.
/// </remarks>
public sealed partial class EdgeListReader(EdgeDirection direction = EdgeDirection.Auto, EdgeIdKind idKind = EdgeIdKind.Auto) : IRecordReader
{
    /// <summary>Edges read to decide what the ids are when <see cref="EdgeIdKind.Auto"/>.</summary>
    public const int DetectionSample = 1000;

    /// <summary>Characters read at most to find those edges: 1,000 lines of two DOIs fit.</summary>
    private const int DetectionChars = 128 * 1024;

    /// <summary>The format name, for the command line.</summary>
    public const string FormatName = "edgelist";

    /// <summary>Provenance format of SNAP-style edge lists.</summary>
    public const string SnapFormat = "edgelist-ids";

    /// <summary>Provenance format of Cora <c>.cites</c> files.</summary>
    public const string CoraFormat = "cora-cites-ids";

    // Characters of JSON, CSV and key=value text that no node id of an edge list carries.
    private static readonly System.Buffers.SearchValues<char> NotInIds = System.Buffers.SearchValues.Create("\"{}[],=");

    /// <inheritdoc />
    public string Format => FormatName;

    /// <inheritdoc />
    public string? Note { get; private set; }

    /// <summary>Provenance format of an edge list whose ids are of <paramref name="kind"/>.</summary>
    public static string ProvenanceFormat(EdgeIdKind kind, bool isCora) => kind switch
    {
        EdgeIdKind.Arxiv => "edgelist-arxiv-ids",
        EdgeIdKind.Doi => "edgelist-doi-ids",
        _ => isCora ? CoraFormat : SnapFormat,
    };

    /// <summary>The dataset namespace of an input: its file name without <c>.gz</c> and without its last extension.</summary>
    public static string DatasetOf(InputFile input)
    {
        var name = input.BaseName();
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }

    /// <summary>The direction an input is read in: <see cref="EdgeDirection.Auto"/> means Cora's for <c>*.cites</c>, SNAP's otherwise.</summary>
    public static EdgeDirection DirectionOf(InputFile input, EdgeDirection direction) => direction != EdgeDirection.Auto
        ? direction
        : input.BaseName().EndsWith(".cites", StringComparison.OrdinalIgnoreCase) ? EdgeDirection.CitedCiting : EdgeDirection.CitingCited;

    /// <summary>True when the first <paramref name="tokens"/> of a line are a header naming the columns (<c>Paper_ID Cited_ID</c>, <c>FromNodeId ToNodeId</c>).</summary>
    internal static bool IsHeader(string[] tokens) => tokens.Length >= 2 && tokens.Take(2).All(t => HeaderWord().IsMatch(t));

    /// <inheritdoc />
    public async IAsyncEnumerable<ReadResult> ReadAsync(InputFile input, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var dataset = DatasetOf(input);
        var citedFirst = DirectionOf(input, direction) == EdgeDirection.CitedCiting;
        var isCora = input.BaseName().EndsWith(".cites", StringComparison.OrdinalIgnoreCase);
        var kind = idKind;
        if (kind == EdgeIdKind.Auto)
        {
            (kind, Note) = await DetectIdKindAsync(input, cancellationToken).ConfigureAwait(false);
        }

        var external = kind is EdgeIdKind.Arxiv or EdgeIdKind.Doi;
        var grouper = new EdgeGrouper(input.Name, ProvenanceFormat(kind, isCora), Title, citedAsRecords: !external);
        await using var stream = input.OpenContent();
        using var reader = new StreamReader(stream, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true);
        await foreach (var (lineNumber, tokens) in EdgeLinesAsync(reader, cancellationToken).ConfigureAwait(false))
        {
            if (tokens.Length is < 2 or > 3)
            {
                yield return ReadResult.Rejected(input.Name, lineNumber,
                    $"expected two node ids (and at most a weight), found {tokens.Length} field{(tokens.Length == 1 ? "" : "s")}");
                continue;
            }

            if (tokens[0].Length > 200 || tokens[1].Length > 200 || tokens[0].Contains('\uFFFD', StringComparison.Ordinal) || tokens[1].Contains('\uFFFD', StringComparison.Ordinal))
            {
                yield return ReadResult.Rejected(input.Name, lineNumber, "node id is not readable text (binary or over 200 characters)");
                continue;
            }

            // A DOI may hold commas or brackets; the id kinds say for themselves what an id is.
            if (!external && (tokens[0].AsSpan().ContainsAny(NotInIds) || tokens[1].AsSpan().ContainsAny(NotInIds)))
            {
                yield return ReadResult.Rejected(input.Name, lineNumber, "not a pair of node ids (quotes, brackets, commas or '=' in a field): is this JSON or CSV?");
                continue;
            }

            ExternalId a, b;
            if (external)
            {
                if (EdgeIds.Parse(kind, tokens[0]) is not { } first || EdgeIds.Parse(kind, tokens[1]) is not { } second)
                {
                    var bad = EdgeIds.Parse(kind, tokens[0]) is null ? tokens[0] : tokens[1];
                    yield return ReadResult.Rejected(input.Name, lineNumber,
                        $"'{bad}' is not {EdgeIds.Describe(kind, article: true)}" +
                        (idKind == EdgeIdKind.Auto ? $" (every id of this file's first edges was one, so all are read as {EdgeIds.Describe(kind)}s)" : ""));
                    continue;
                }

                (a, b) = (first, second);
            }
            else
            {
                a = new ExternalId(ExternalIdKind.EdgeList, $"{dataset}:{tokens[0]}");
                b = new ExternalId(ExternalIdKind.EdgeList, $"{dataset}:{tokens[1]}");
            }

            var (citing, cited) = citedFirst ? (b, a) : (a, b);
            if (external && citing == cited)
            {
                yield return ReadResult.Rejected(input.Name, lineNumber, $"a paper citing itself ({tokens[0]})");
                continue;
            }

            foreach (var record in grouper.Add(citing, cited, lineNumber))
            {
                yield return ReadResult.Ok(record);
            }
        }

        if (grouper.Flush() is { } last)
        {
            yield return ReadResult.Ok(last);
        }
    }

    /// <summary>The title of an id-only record: the node id, or the identifier with its kind for arXiv ids and DOIs.</summary>
    private static string Title(ExternalId id) => id.Kind switch
    {
        ExternalIdKind.Arxiv => "arXiv " + id.Value,
        ExternalIdKind.Doi => "DOI " + id.Value,
        _ => id.Value,
    };

    /// <summary>
    /// What the ids of the first <see cref="DetectionSample"/> edges are: a first pass over at most
    /// <see cref="DetectionChars"/> characters of the input, so a huge line costs the detection nothing.
    /// </summary>
    private static async Task<(EdgeIdKind Kind, string? Note)> DetectIdKindAsync(InputFile input, CancellationToken cancellationToken)
    {
        var buffer = new char[DetectionChars];
        var read = 0;
        var complete = false;
        await using (var stream = input.OpenContent())
        using (var reader = new StreamReader(stream, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true))
        {
            try
            {
                while (read < buffer.Length && await reader.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false) is var n and > 0)
                {
                    read += n;
                }

                complete = read < buffer.Length;
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException)
            {
                // A truncated gzip file: decide on what came out before the error; the reading pass reports it at its line.
            }
        }

        var head = new string(buffer, 0, read);
        if (!complete)
        {
            // The last line may be cut short: an id cut in two would say the file mixes kinds.
            head = head[..(head.LastIndexOf('\n') + 1)];
        }

        var sample = new List<(int Line, string Citing, string Cited)>(DetectionSample);
        using var lines = new StringReader(head);
        await foreach (var (line, tokens) in EdgeLinesAsync(lines, cancellationToken).ConfigureAwait(false))
        {
            // Lines the reader rejects anyway (a wrong field count, an id over 200 characters) say nothing about the ids.
            if (tokens.Length is 2 or 3 && tokens[0].Length <= 200 && tokens[1].Length <= 200)
            {
                sample.Add((line, tokens[0], tokens[1]));
                if (sample.Count == DetectionSample)
                {
                    break;
                }
            }
        }

        return EdgeIds.Detect(sample);
    }

    /// <summary>The whitespace-separated fields of every line that is not blank, a comment or the column-name header, with its line number.</summary>
    private static async IAsyncEnumerable<(int Line, string[] Tokens)> EdgeLinesAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lineNumber = 0;
        var sawData = false;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            var text = line.AsSpan().Trim();
            if (text.IsEmpty || text[0] is '#' or '%')
            {
                continue;
            }

            var tokens = text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (!sawData && IsHeader(tokens))
            {
                // A column-name line, not an edge: its words must not become nodes.
                sawData = true;
                continue;
            }

            sawData = true;
            yield return (lineNumber, tokens);
        }
    }

    [GeneratedRegex(@"^(?:paper_?id|cited_?(?:paper_?)?id|citing_?(?:paper_?)?id|(?:citing|cited|source|target|from|to|src|dst)_?(?:doi|arxiv(?:_?id)?)|doi|arxiv_?id|from_?(?:node_?)?id|to_?(?:node_?)?id|from|to|source|target|src|dst|cited|citing|node_?id|id|node)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderWord();
}
