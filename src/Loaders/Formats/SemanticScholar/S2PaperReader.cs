using System.Runtime.CompilerServices;
using System.Text.Json;
using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Formats.EdgeLists;
using CiteGraph.Loaders.Formats.Json;
using CiteGraph.Loaders.Reading;
using CiteGraph.Loaders.Text;

namespace CiteGraph.Loaders.Formats.SemanticScholar;

/// <summary>
/// Reads Semantic Scholar papers (DESIGN §4.5): Graph API paper objects (<c>paperId, externalIds, title, abstract, year,
/// references</c>; single, arrays, JSON lines or <c>{"data":[…]}</c> pages) and the S2AG dataset rows, whose names are
/// lower-case (<c>corpusid, externalids, publicationdate</c>). Citation rows (<c>citingcorpusid/citedcorpusid</c>)
/// become id-only papers and explicit citations, like an edge list. A paper is known by its S2 paper id and by
/// <c>CorpusId:N</c> (both are S2 API identifiers); a reference by its arXiv id, else DOI, else S2 id.
/// </summary>
public sealed class S2PaperReader : IRecordReader
{
    /// <summary>The format name, for the command line and provenance of paper rows.</summary>
    public const string FormatName = "s2";

    /// <summary>Provenance format of citation rows.</summary>
    public const string CitationFormat = "s2-citations-ids";

    /// <inheritdoc />
    public string Format => FormatName;

    internal static bool IsRecord(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object &&
        (element.Get("paperId", "corpusid", "citingcorpusid") is not null);

    /// <summary>The S2 id for a corpus id: <c>CorpusId:123</c>, the form the S2 API accepts.</summary>
    public static ExternalId CorpusId(string corpusId) => new(ExternalIdKind.S2, "CorpusId:" + corpusId);

    /// <inheritdoc />
    public async IAsyncEnumerable<ReadResult> ReadAsync(InputFile input, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        // Citation rows of one citing paper are grouped into one record; the group open at the end is the last record.
        var edges = new EdgeGrouper(input.Name, CitationFormat, id => "S2 " + id.Value);
        await foreach (var result in JsonEntryReader.ReadManyAsync(input, IsRecord, (element, line) => MapEntry(input.Name, line, element, edges), cancellationToken)
                           .ConfigureAwait(false))
        {
            yield return result;
        }

        if (edges.Flush() is { } last)
        {
            yield return ReadResult.Ok(last);
        }
    }

    /// <summary>A citation row (added to its citing paper's group; the records of groups it closes) or a paper.</summary>
    private static IEnumerable<ReadResult> MapEntry(string source, int line, JsonElement e, EdgeGrouper edges)
    {
        if (e.ValueKind != JsonValueKind.Object || e.Get("citingcorpusid") is null)
        {
            return [Map(source, line, e)];
        }

        var citing = e.String("citingcorpusid");
        var cited = e.String("citedcorpusid");
        return citing is null || cited is null
            ? [ReadResult.Rejected(source, line, $"citation without {(citing is null ? "citing" : "cited")} corpus id (a reference S2 could not resolve)")]
            : edges.Add(CorpusId(citing), CorpusId(cited), line).Select(ReadResult.Ok);
    }

    private static ReadResult Map(string source, int line, JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return ReadResult.Rejected(source, line, $"entry is {JsonFields.Describe(e)}, not a Semantic Scholar paper");
        }

        var ids = IdsOf(e);
        var title = JsonFields.Collapse(e.String("title"));
        if (title is null)
        {
            var name = ids.FirstOrDefault()?.Value ?? "entry";
            return e.Get("abstract") is not null
                ? ReadResult.Rejected(source, line, $"{name}: an abstract row without title (S2AG abstracts dataset rows are not papers; load the papers dataset)")
                : ReadResult.Rejected(source, line, $"{name} has no title");
        }

        if (ids.Count == 0)
        {
            return ReadResult.Rejected(source, line, $"paper '{title}' has no paperId or corpus id");
        }

        var external = e.Object("externalIds", "externalids");
        var arxiv = Identifiers.NormalizeArxiv(external?.String("ArXiv"));
        var doi = Identifiers.NormalizeDoi(external?.String("DOI"));
        var abstractText = JsonFields.Collapse(e.String("abstract"));
        var links = LinkExtractor.Extract(abstractText);
        var authors = e.Array("authors").Select(a => JsonFields.Collapse(a.String("name"))).OfType<string>().ToArray();
        var published = PartialDate.TryParse(e.String("publicationDate", "publicationdate"), out var date) ? date
            : e.Int("year") is { } year ? new PartialDate(year, null, null)
            : (PartialDate?)null;
        var references = e.Array("references")
            .Select(ReferenceOf)
            .OfType<ExternalId>()
            .Distinct()
            .ToArray();
        return ReadResult.Ok(new PaperRecord
        {
            Title = title,
            Abstract = abstractText,
            Published = published,
            AuthorsCount = authors.Length > 0 ? authors.Length : null,
            Authors = authors,
            ArxivId = arxiv,
            Doi = doi,
            ExternalIds = ids,
            References = references,
            Repos = links.Repos,
            Links = links.Links,
            Mentions = links.Mentions.Where(m => m.Value != arxiv && m.Value != doi).ToArray(),
            Source = new SourceRef(source, line, FormatName),
        });
    }

    /// <summary>The paper's S2 ids: its paperId (also found at the end of its S2 URL) and its corpus id.</summary>
    private static List<ExternalId> IdsOf(JsonElement e)
    {
        var ids = new List<ExternalId>(2);
        var paperId = e.String("paperId");
        if (paperId is null && e.String("url") is { } url && url.Contains("semanticscholar.org/paper/", StringComparison.Ordinal))
        {
            paperId = url[(url.LastIndexOf('/') + 1)..];
        }

        if (paperId is not null)
        {
            ids.Add(new ExternalId(ExternalIdKind.S2, paperId));
        }

        if ((e.String("corpusId", "corpusid") ?? e.Object("externalIds", "externalids")?.String("CorpusId")) is { } corpus)
        {
            ids.Add(CorpusId(corpus));
        }

        return ids;
    }

    private static ExternalId? ReferenceOf(JsonElement reference)
    {
        if (reference.ValueKind == JsonValueKind.String)
        {
            return new ExternalId(ExternalIdKind.S2, reference.GetString()!);
        }

        var external = reference.Object("externalIds", "externalids");
        if (Identifiers.NormalizeArxiv(external?.String("ArXiv")) is { } arxiv)
        {
            return new ExternalId(ExternalIdKind.Arxiv, arxiv);
        }

        if (Identifiers.NormalizeDoi(external?.String("DOI")) is { } doi)
        {
            return new ExternalId(ExternalIdKind.Doi, doi);
        }

        if (reference.String("paperId") is { } paperId)
        {
            return new ExternalId(ExternalIdKind.S2, paperId);
        }

        return (reference.String("corpusId", "corpusid") ?? external?.String("CorpusId")) is { } corpus ? CorpusId(corpus) : null;
    }
}
