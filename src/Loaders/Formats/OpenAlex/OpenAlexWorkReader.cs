using System.Text.Json;
using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Formats.Json;
using CiteGraph.Loaders.Reading;
using CiteGraph.Loaders.Text;

namespace CiteGraph.Loaders.Formats.OpenAlex;

/// <summary>
/// Reads OpenAlex works (DESIGN §4.4): JSON lines (the snapshot), a JSON array, a single work or an API page
/// (<c>{"meta":…, "results":[…]}</c>). The abstract is rebuilt from <c>abstract_inverted_index</c>;
/// <c>referenced_works</c> become explicit citations; an arXiv id is taken from arXiv locations or arXiv's DataCite DOI.
/// </summary>
public sealed class OpenAlexWorkReader : IRecordReader
{
    /// <summary>The format name, for the command line and provenance.</summary>
    public const string FormatName = "openalex";

    /// <inheritdoc />
    public string Format => FormatName;

    internal static bool IsRecord(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out _) &&
        (element.TryGetProperty("display_name", out _) || element.TryGetProperty("title", out _));

    /// <inheritdoc />
    public IAsyncEnumerable<ReadResult> ReadAsync(InputFile input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return JsonEntryReader.ReadAsync(input, IsRecord, (element, line) => Map(input.Name, line, element), cancellationToken);
    }

    /// <summary>The text of an <c>abstract_inverted_index</c> (word → positions), words in position order.</summary>
    public static string? RebuildAbstract(JsonElement? index) => index is { } words ? InvertedAbstract.Rebuild(words) : null;

    private static ReadResult Map(string source, int line, JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return ReadResult.Rejected(source, line, $"entry is {JsonFields.Describe(e)}, not an OpenAlex work");
        }

        // The id is read in place when it is a plain OpenAlex URL; the text is only needed to say why it is not one.
        var workId = e.Get("id") is { } idValue ? OpenAlexFields.WorkId(idValue) : null;
        if (workId is null)
        {
            var rawId = e.String("id");
            return ReadResult.Rejected(source, line, rawId is null ? "work without an id" : $"'{rawId}' is not an OpenAlex work id");
        }

        var title = JsonFields.Collapse(e.String("title", "display_name"));
        if (title is null)
        {
            return ReadResult.Rejected(source, line, $"work {workId} has no title");
        }

        var present = OpenAlexFields.Present(e);
        var doi = Identifiers.NormalizeDoi(e.String("doi") ?? ((present & OptionalFields.Ids) != 0 ? e.Object("ids")?.String("doi") : null));
        var abstractText = JsonFields.Collapse(RebuildAbstract(e.Get("abstract_inverted_index")));
        var links = LinkExtractor.Extract(abstractText);
        var arxiv = ArxivOf(e, doi, present);
        var authors = OpenAlexFields.Authors(e);
        return ReadResult.Ok(new PaperRecord
        {
            Title = title,
            Abstract = abstractText,
            Published = OpenAlexFields.Published(e),
            AuthorsCount = authors.Length > 0 ? authors.Length : null,
            Authors = authors,
            ArxivId = arxiv,
            Doi = doi,
            ExternalIds = [new ExternalId(ExternalIdKind.OpenAlex, workId)],
            References = OpenAlexFields.References(e),
            Repos = links.Repos,
            Links = links.Links,
            Mentions = links.Mentions.Count == 0 ? [] : links.Mentions.Where(m => m.Value != arxiv && m.Value != doi).ToArray(),
            Keywords = OpenAlexFields.Keywords(e, present),
            Source = new SourceRef(source, line, FormatName),
        });
    }

    /// <summary>arXiv's DataCite DOI (<c>10.48550/arxiv.2101.00001</c>) or an arxiv.org location.</summary>
    private static string? ArxivOf(JsonElement e, string? doi, OptionalFields present)
    {
        const string ArxivDoiPrefix = "10.48550/arxiv.";
        if (doi is not null && doi.StartsWith(ArxivDoiPrefix, StringComparison.Ordinal))
        {
            return Identifiers.NormalizeArxiv(doi[ArxivDoiPrefix.Length..]);
        }

        return OpenAlexFields.ArxivLocation(e, present);
    }
}
