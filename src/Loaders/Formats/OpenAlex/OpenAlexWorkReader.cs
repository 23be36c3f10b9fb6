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

    /// <summary>The OpenAlex key of a work id or URL (<c>https://openalex.org/W2741809807</c> → <c>W2741809807</c>), or null.</summary>
    public static string? NormalizeWorkId(string? text) => Identifiers.NormalizeOpenAlex(text);

    /// <summary>The text of an <c>abstract_inverted_index</c> (word → positions), words in position order.</summary>
    public static string? RebuildAbstract(JsonElement? index) => index is { } words ? InvertedAbstract.Rebuild(words) : null;

    private static ReadResult Map(string source, int line, JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return ReadResult.Rejected(source, line, $"entry is {JsonFields.Describe(e)}, not an OpenAlex work");
        }

        var rawId = e.String("id");
        var workId = NormalizeWorkId(rawId);
        if (workId is null)
        {
            return ReadResult.Rejected(source, line, rawId is null ? "work without an id" : $"'{rawId}' is not an OpenAlex work id");
        }

        var title = JsonFields.Collapse(e.String("title", "display_name"));
        if (title is null)
        {
            return ReadResult.Rejected(source, line, $"work {workId} has no title");
        }

        var doi = Identifiers.NormalizeDoi(e.String("doi") ?? e.Object("ids")?.String("doi"));
        var abstractText = JsonFields.Collapse(RebuildAbstract(e.Get("abstract_inverted_index")));
        var links = LinkExtractor.Extract(abstractText);
        var arxiv = ArxivOf(e, doi);
        var references = e.Array("referenced_works")
            .Select(r => r.ValueKind == JsonValueKind.String ? NormalizeWorkId(r.GetString()) : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Select(w => new ExternalId(ExternalIdKind.OpenAlex, w))
            .ToArray();
        var authors = e.Array("authorships")
            .Select(a => JsonFields.Collapse(a.Object("author")?.String("display_name") ?? a.String("raw_author_name")))
            .OfType<string>()
            .ToArray();
        var published = PartialDate.TryParse(e.String("publication_date"), out var date) ? date
            : e.Int("publication_year") is { } year ? new PartialDate(year, null, null)
            : (PartialDate?)null;
        return ReadResult.Ok(new PaperRecord
        {
            Title = title,
            Abstract = abstractText,
            Published = published,
            AuthorsCount = authors.Length > 0 ? authors.Length : null,
            Authors = authors,
            ArxivId = arxiv,
            Doi = doi,
            ExternalIds = [new ExternalId(ExternalIdKind.OpenAlex, workId)],
            References = references,
            Repos = links.Repos,
            Links = links.Links,
            Mentions = links.Mentions.Where(m => m.Value != arxiv && m.Value != doi).ToArray(),
            Keywords = Keywords(e),
            Source = new SourceRef(source, line, FormatName),
        });
    }

    /// <summary>
    /// Topic candidates OpenAlex attaches: <c>keywords</c>, <c>topics</c> and <c>concepts</c> (the level-0/1 concepts are
    /// fields such as "Computer science", too broad to be topics, and concepts scored below 0.3 are noise: both are left out).
    /// </summary>
    private static string[] Keywords(JsonElement e) =>
        e.Array("keywords").Concat(e.Array("topics"))
            .Select(k => k.ValueKind == JsonValueKind.String ? k.GetString() : k.String("display_name", "keyword"))
            .Concat(e.Array("concepts")
                .Where(c => (c.Int("level") ?? 2) >= 2 && (c.Get("score") is not { ValueKind: JsonValueKind.Number } score || score.GetDouble() >= 0.3))
                .Select(c => c.String("display_name")))
            .Select(JsonFields.Collapse)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    /// <summary>arXiv's DataCite DOI (<c>10.48550/arxiv.2101.00001</c>) or an arxiv.org location.</summary>
    private static string? ArxivOf(JsonElement e, string? doi)
    {
        const string ArxivDoiPrefix = "10.48550/arxiv.";
        if (doi is not null && doi.StartsWith(ArxivDoiPrefix, StringComparison.Ordinal))
        {
            return Identifiers.NormalizeArxiv(doi[ArxivDoiPrefix.Length..]);
        }

        var locations = e.Array("locations").Prepend(e.Object("primary_location") ?? default).Prepend(e.Object("best_oa_location") ?? default);
        foreach (var location in locations)
        {
            foreach (var url in new[] { location.String("landing_page_url"), location.String("pdf_url") })
            {
                if (url is not null && url.Contains("arxiv.org/", StringComparison.OrdinalIgnoreCase) && Identifiers.NormalizeArxiv(url) is { } id)
                {
                    return id;
                }
            }
        }

        return null;
    }
}
