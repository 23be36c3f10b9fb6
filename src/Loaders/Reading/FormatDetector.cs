using System.Text;
using System.Text.RegularExpressions;
using CiteGraph.Loaders.Formats.Acl;
using CiteGraph.Loaders.Formats.Arxiv;
using CiteGraph.Loaders.Formats.EdgeLists;
using CiteGraph.Loaders.Formats.HuggingFace;
using CiteGraph.Loaders.Formats.OpenAlex;
using CiteGraph.Loaders.Formats.OpenCitations;
using CiteGraph.Loaders.Formats.SemanticScholar;
using CiteGraph.Loaders.Listings;

namespace CiteGraph.Loaders.Reading;

/// <summary>
/// Chooses a reader from what an input's first bytes look like (after gzip decompression, recognised by its magic
/// bytes), or from a format name given by the user.
/// </summary>
public static partial class FormatDetector
{
    private const int SniffBytes = 16 * 1024;

    /// <summary>Format names accepted by <see cref="ReadOptions.Format"/> (and the command line's <c>--format</c>).</summary>
    public static IReadOnlyList<string> FormatNames { get; } =
        ["hf-listing", "hf-json", "arxiv", "openalex", "s2", "edgelist", "cora", "node-dates", "acl", "opencitations"];

    /// <summary>The reader for <paramref name="input"/>, or the reason no reader fits (reported at line 1).</summary>
    public static Task<(IRecordReader? Reader, string? Problem)> DetectAsync(InputFile input, CancellationToken cancellationToken = default) =>
        DetectAsync(input, ReadOptions.Default, cancellationToken);

    /// <summary>The reader for <paramref name="input"/> (the one <see cref="ReadOptions.Format"/> names, if set), or the reason no reader fits.</summary>
    public static async Task<(IRecordReader? Reader, string? Problem)> DetectAsync(
        InputFile input, ReadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var buffer = new byte[SniffBytes];
        int length;
        await using (var stream = input.OpenContent())
        {
            length = await stream.ReadAtLeastAsync(buffer, SniffBytes, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        }

        var head = buffer.AsSpan(0, length);
        if (head.Length == 0 || head.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            return (null, "empty file: nothing to load");
        }

        if (SavedPageKind(head) is { } saved)
        {
            return (null, saved);
        }

        if (LooksBinary(head))
        {
            return (null, "binary content, not text or JSON (an image, an archive other than gzip, or a corrupt file?)");
        }

        // Cut a possibly split UTF-8 sequence at the end of the sniffed bytes.
        var text = Encoding.UTF8.GetString(head).TrimEnd('\uFFFD');
        if (options.Format is { } format)
        {
            return Create(format, input, text, options);
        }

        var first = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').FirstOrDefault();
        if (first is '{' or '[')
        {
            return DetectJson(text) is { } json
                ? (Create(json, input, text, options).Reader, null)
                : (null, "unknown layout: JSON, but no Hugging Face paper, arXiv metadata, OpenAlex work or Semantic Scholar paper fields in the first entries");
        }

        if (ListingReader.HasListingHeader(text))
        {
            return (new ListingReader(), null);
        }

        if (OpenCitationsCsvReader.IsHeader(text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').Split('\n')[0]))
        {
            return (new OpenCitationsCsvReader(), null);
        }

        if (AclMetadataReader.IsBlockStart(text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').Split('\n')[0]))
        {
            return (new AclMetadataReader(), null);
        }

        return DetectColumns(input, text, truncated: length == SniffBytes, options);
    }

    /// <summary>The reader a format name stands for.</summary>
    private static (IRecordReader? Reader, string? Problem) Create(string format, InputFile input, string head, ReadOptions options) =>
        format.Trim().ToLowerInvariant() switch
        {
            "hf-listing" or "listing" => (new ListingReader(), null),
            "hf-json" or "hf" => (new HfPaperJsonReader(), null),
            "arxiv" => (new ArxivMetadataReader(), null),
            "openalex" => (new OpenAlexWorkReader(), null),
            "s2" or "semantic-scholar" => (new S2PaperReader(), null),
            "edgelist" or "snap" => (new EdgeListReader(options.EdgeDirection, options.IdKind), null),
            "node-dates" or "dates" => (new NodeDatesReader(), null),
            "acl" or "aan" => (new AclMetadataReader(), null),
            "opencitations" or "coci" => (new OpenCitationsCsvReader(), null),
            "cora" => IsCoraContent(head)
                ? (new CoraContentReader(), null)
                : (new EdgeListReader(options.EdgeDirection == EdgeDirection.Auto ? EdgeDirection.CitedCiting : options.EdgeDirection, options.IdKind), null),
            _ => (null, $"unknown format '{format}'; known formats: {string.Join(", ", FormatNames)}"),
        };

    /// <summary>
    /// A PDF or a web page saved as HTML: what people save first. Neither is read (a PDF has no listing; the HTML's markup
    /// changes with the site), so the reason says what to save instead.
    /// </summary>
    private static string? SavedPageKind(ReadOnlySpan<byte> head)
    {
        const string Instead = "save the Hugging Face papers page as text instead (open it in a browser, select all, copy and paste " +
                               "into a .txt file, or 'Save Page As…' with 'Text Files'), or load the papers API JSON " +
                               "(https://huggingface.co/api/daily_papers) or arXiv/OpenAlex/Semantic Scholar metadata";
        if (head.StartsWith("%PDF-"u8))
        {
            return "a PDF document, which CiteGraph does not read: " + Instead;
        }

        var text = Encoding.UTF8.GetString(head[..Math.Min(head.Length, 1024)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            ? "a saved HTML page, which CiteGraph does not read: " + Instead
            : null;
    }

    /// <summary>The JSON format whose distinctive field names appear in the first entries.</summary>
    private static string? DetectJson(string head)
    {
        bool Has(string key) => head.Contains(key, StringComparison.OrdinalIgnoreCase);

        if (Has("\"paper\":") || Has("'paper':") || Has("\"paper_url\"") || Has("\"ai_keywords\"") || Has("\"upvotes\""))
        {
            return "hf-json";
        }

        if (Has("\"abstract_inverted_index\"") || Has("\"referenced_works\"") || Has("\"https://openalex.org/W"))
        {
            return "openalex";
        }

        if (Has("\"paperId\"") || Has("\"corpusid\"") || Has("\"citingcorpusid\"") || Has("\"externalIds\""))
        {
            return "s2";
        }

        if (Has("\"authors_parsed\"") || Has("\"submitter\"") || Has("\"update_date\"") || Has("\"journal-ref\""))
        {
            return "arxiv";
        }

        return Has("\"summary\"") && Has("\"publishedAt\"") ? "hf-json" : null;
    }

    /// <summary>Whitespace-separated columns: an edge list, a Cora <c>.content</c> file, or neither.</summary>
    private static (IRecordReader? Reader, string? Problem) DetectColumns(InputFile input, string head, bool truncated, ReadOptions options)
    {
        var lines = head.Split('\n').SkipLast(truncated ? 1 : 0).Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] is not '#' and not '%').Take(20).ToList();
        if (lines.Count == 0)
        {
            return (null, "unknown layout: only comment lines in the first 16 KB");
        }

        if (IsCoraContent(head))
        {
            return (new CoraContentReader(), null);
        }

        var rows = lines.Select(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToList();
        var data = EdgeListReader.IsHeader(rows[0]) ? rows.Skip(1).ToList() : rows;
        // Mostly 'a b' pairs: the odd malformed line is the edge list reader's to report.
        // Node ids carry a digit (SNAP and Cora ids are numbers, others like W123 or P98-1048 too) and a third
        // column is a numeric weight: two words of prose are not an edge.
        var pairs = data.Where(r => r.Length is 2 or 3 && r[0].Length <= 200 && r[1].Length <= 200 &&
                                    r[0].Any(char.IsAsciiDigit) && r[1].Any(char.IsAsciiDigit) &&
                                    (r.Length == 2 || double.TryParse(r[2], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)))
            .ToList();
        if (pairs.Count > 0 && pairs.Count * 5 >= data.Count * 4)
        {
            data = pairs;
            if (data.All(r => DateValue().IsMatch(r[1])) && (data.Any(r => r[1].Contains('-', StringComparison.Ordinal)) ||
                input.BaseName().Contains("date", StringComparison.OrdinalIgnoreCase)))
            {
                // Node attributes (id and date), not citation edges.
                return (new NodeDatesReader(), null);
            }

            return (new EdgeListReader(options.EdgeDirection, options.IdKind), null);
        }

        return (null, "unknown layout: no Hugging Face listing header ('Daily Papers', 'Subscribe', …), no JSON and no two-column edge list in the first lines");
    }

    /// <summary>Cora <c>.content</c>: an id, many 0/1 word attributes, a class label.</summary>
    private static bool IsCoraContent(string head)
    {
        var line = head.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        var tokens = line?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) ?? [];
        return tokens.Length > 10 && tokens[1..^1].All(t => t is "0" or "1") && !tokens[^1].All(char.IsAsciiDigit);
    }

    private static bool LooksBinary(ReadOnlySpan<byte> head)
    {
        if (head.Contains((byte)0))
        {
            return true;
        }

        // Invalid UTF-8 or many control characters: listings and JSON are UTF-8 text.
        var control = 0;
        foreach (var b in head)
        {
            if (b < 0x20 && b is not (byte)'\n' and not (byte)'\r' and not (byte)'\t')
            {
                control++;
            }
        }

        var invalid = Encoding.UTF8.GetString(head).Count(c => c == '\uFFFD');
        return control + invalid > Math.Max(8, head.Length / 100);
    }

    [GeneratedRegex(@"^\d{4}(?:-\d{2}(?:-\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateValue();
}
