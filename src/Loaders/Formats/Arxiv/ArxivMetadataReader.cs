using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Formats.Json;
using CiteGraph.Loaders.Reading;
using CiteGraph.Loaders.Text;

namespace CiteGraph.Loaders.Formats.Arxiv;

/// <summary>
/// Reads arXiv metadata in the public OAI snapshot format (DESIGN §4.3; Kaggle <c>arxiv-metadata-oai-snapshot.json</c>):
/// JSON lines of <c>id, submitter, authors, title, comments, journal-ref, doi, categories, abstract, versions,
/// update_date, authors_parsed</c>. Titles and abstracts are unwrapped; the publication date is the v1 submission date.
/// </summary>
public sealed partial class ArxivMetadataReader : IRecordReader
{
    /// <summary>The format name, for the command line and provenance.</summary>
    public const string FormatName = "arxiv";

    /// <inheritdoc />
    public string Format => FormatName;

    internal static bool IsRecord(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out _) &&
        (element.TryGetProperty("authors_parsed", out _) || element.TryGetProperty("versions", out _) ||
         element.TryGetProperty("update_date", out _) || element.TryGetProperty("submitter", out _));

    /// <inheritdoc />
    public IAsyncEnumerable<ReadResult> ReadAsync(InputFile input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return JsonEntryReader.ReadAsync(input, IsRecord, (element, line) => Map(input.Name, line, element), cancellationToken);
    }

    private static ReadResult Map(string source, int line, JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return ReadResult.Rejected(source, line, $"entry is {JsonFields.Describe(e)}, not an arXiv metadata object");
        }

        var id = e.String("id");
        var arxiv = Identifiers.NormalizeArxiv(id);
        if (arxiv is null)
        {
            return ReadResult.Rejected(source, line, id is null ? "record without an arXiv id" : $"'{id}' is not an arXiv id");
        }

        var title = JsonFields.Collapse(e.String("title"));
        if (title is null)
        {
            return ReadResult.Rejected(source, line, $"arXiv {arxiv} has no title");
        }

        var abstractText = JsonFields.Collapse(e.String("abstract"));
        var authors = ParsedAuthors(e);
        if (authors.Count == 0)
        {
            authors = SplitAuthors(e.String("authors"));
        }

        var links = LinkExtractor.Extract(abstractText);
        return ReadResult.Ok(new PaperRecord
        {
            Title = LatexText.Clean(title),
            Abstract = abstractText,
            Published = FirstVersionDate(e) ?? (PartialDate.TryParse(e.String("update_date"), out var updated) ? updated : null),
            AuthorsCount = authors.Count > 0 ? authors.Count : null,
            Authors = authors,
            ArxivId = arxiv,
            // The field may list several DOIs separated by spaces; the first is the paper's.
            Doi = Identifiers.NormalizeDoi(e.String("doi")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]),
            Repos = links.Repos,
            Links = links.Links,
            Mentions = links.Mentions.Where(m => m.Value != arxiv).ToArray(),
            Source = new SourceRef(source, line, FormatName),
        });
    }

    /// <summary>Names from <c>authors_parsed</c> ([last, first, suffix], already unicode): "First Last Suffix".</summary>
    private static List<string> ParsedAuthors(JsonElement e) => e.Array("authors_parsed")
        .Where(a => a.ValueKind == JsonValueKind.Array)
        .Select(a => a.EnumerateArray().Select(p => p.ValueKind == JsonValueKind.String ? p.GetString() ?? "" : "").ToArray())
        .Select(p => JsonFields.Collapse(string.Join(' ', new[] { p.ElementAtOrDefault(1), p.ElementAtOrDefault(0), p.ElementAtOrDefault(2) }.Where(s => !string.IsNullOrWhiteSpace(s)))))
        .OfType<string>()
        .ToList();

    /// <summary>"A, B and C" (with TeX accents and line wraps) as names.</summary>
    private static List<string> SplitAuthors(string? authors) => authors is null
        ? []
        : AuthorSeparator().Split(LatexText.Clean(authors))
            .Select(JsonFields.Collapse).OfType<string>().ToList();

    /// <summary>The v1 date: <c>"created": "Mon, 2 Apr 2007 19:18:42 GMT"</c>.</summary>
    private static PartialDate? FirstVersionDate(JsonElement e)
    {
        var created = e.Array("versions").Select(v => v.String("created")).FirstOrDefault(c => c is not null);
        // The weekday is redundant and some exports get it wrong ("Mon, 1 Jun 2011" was a Wednesday), which fails the whole
        // parse: the date is read without it.
        if (created?.IndexOf(',', StringComparison.Ordinal) is >= 0 and <= 9 and var comma)
        {
            created = created[(comma + 1)..];
        }

        return DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? new PartialDate(date.UtcDateTime.Year, date.UtcDateTime.Month, date.UtcDateTime.Day)
            : null;
    }

    [GeneratedRegex(@"\s*,\s*(?:and\s+)?|\s+and\s+", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorSeparator();
}
