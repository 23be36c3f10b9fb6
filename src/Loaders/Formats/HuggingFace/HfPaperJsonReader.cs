using System.Text.Json;
using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Formats.Json;
using CiteGraph.Loaders.Reading;
using CiteGraph.Loaders.Text;

namespace CiteGraph.Loaders.Formats.HuggingFace;

/// <summary>
/// Reads Hugging Face papers API JSON (DESIGN §4.2): <c>/api/daily_papers</c> arrays of <c>{paper:{…}, …}</c> entries,
/// single <c>/api/papers/{id}</c> objects, JSON lines of either, a <c>{"data":[…]}</c> envelope, and the scraped
/// daily lists (<c>paper_url</c>, <c>details</c>). Tolerates the schema drift of the real responses: missing
/// <c>ai_keywords</c>/<c>githubRepo</c>, numbers as strings, authors as objects or names, and entries saved as Python
/// <c>repr()</c> strings, which are parsed deliberately.
/// </summary>
public sealed class HfPaperJsonReader : IRecordReader
{
    /// <summary>The format name, for the command line and provenance.</summary>
    public const string FormatName = "hf-json";

    /// <summary>Provenance format of the scraped daily lists (no reliable abstract).</summary>
    public const string ScrapedFormatName = "hf-scraped";

    /// <inheritdoc />
    public string Format => FormatName;

    /// <summary>True when a JSON object looks like one HF paper entry.</summary>
    internal static bool IsRecord(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object &&
        (element.TryGetProperty("paper", out _) || element.TryGetProperty("paper_url", out _) ||
         (element.TryGetProperty("id", out _) && element.TryGetProperty("title", out _)));

    /// <inheritdoc />
    public IAsyncEnumerable<ReadResult> ReadAsync(InputFile input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return JsonEntryReader.ReadAsync(input, IsRecord, (element, line) => Map(input.Name, line, element), cancellationToken);
    }

    private static ReadResult Map(string source, int line, JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            // A Python repr() of the entry ("{'paper': {'id': …, 'hidden': False}}"), as some saved responses hold.
            var json = PythonLiteral.ToJson(element.GetString()!, out var error);
            if (json is null)
            {
                return ReadResult.Rejected(source, line, $"entry is a string, not a JSON object, and not a Python literal either ({error})");
            }

            try
            {
                using var parsed = JsonDocument.Parse(json);
                if (parsed.RootElement.ValueKind == JsonValueKind.Object)
                {
                    return Map(source, line, parsed.RootElement);
                }
            }
            catch (JsonException ex)
            {
                return ReadResult.Rejected(source, line, $"entry is a string holding a Python literal that is not valid data: {ex.Message}");
            }
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return ReadResult.Rejected(source, line, $"entry is {JsonFields.Describe(element)}, not a paper object");
        }

        return element.TryGetProperty("paper_url", out _) ? MapScraped(source, line, element) : MapApi(source, line, element);
    }

    private static ReadResult MapApi(string source, int line, JsonElement entry)
    {
        var paper = entry.Object("paper") ?? entry;
        var id = paper.String("id");
        var title = JsonFields.Collapse(paper.String("title") ?? entry.String("title"));
        if (title is null)
        {
            return ReadResult.Rejected(source, line, id is null ? "entry without paper id and title" : $"paper {id} has no title");
        }

        var summary = JsonFields.Collapse(paper.String("summary", "abstract") ?? entry.String("summary"));
        var arxiv = Identifiers.NormalizeArxiv(id);
        var authors = paper.Array("authors")
            .Select(a => a.ValueKind == JsonValueKind.String ? a.GetString() : a.String("name"))
            .Select(JsonFields.Collapse)
            .OfType<string>()
            .ToArray();
        var organization = paper.Object("organization") ?? entry.Object("organization");
        var links = LinkExtractor.Extract(summary);
        var repos = links.Repos.ToList();
        if (paper.String("githubRepo") is { } github && RepoUrl.TryParse(github) is { } repo && repos.All(r => r.Repo.Url != repo.Url))
        {
            repos.Insert(0, new RepoLink(repo, github));
        }

        var webLinks = links.Links.ToList();
        if (paper.String("projectPage") is { } page && Uri.TryCreate(page, UriKind.Absolute, out var pageUri) &&
            RepoUrl.TryParse(page) is null)
        {
            var url = pageUri.GetLeftPart(UriPartial.Query).TrimEnd('/');
            if (webLinks.All(l => l.Url != url))
            {
                webLinks.Insert(0, new WebLink(url, LinkKind.ProjectPage));
            }
        }

        return ReadResult.Ok(new PaperRecord
        {
            Title = title,
            Abstract = summary,
            Published = PartialDate.TryParse(paper.String("publishedAt") ?? entry.String("publishedAt"), out var date) ? date : null,
            AuthorsCount = authors.Length > 0 ? authors.Length : null,
            Authors = authors,
            Organization = organization?.String("fullname", "name"),
            Upvotes = paper.Int("upvotes"),
            ArxivId = arxiv,
            ExternalIds = arxiv is null && id is not null ? [new ExternalId(ExternalIdKind.HF, id)] : [],
            Repos = repos,
            Links = webLinks,
            Mentions = links.Mentions.Where(m => m.Value != arxiv).ToArray(),
            Keywords = paper.Array("ai_keywords")
                .Select(k => k.ValueKind == JsonValueKind.String ? JsonFields.Collapse(k.GetString()) : null)
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .ToArray(),
            Source = new SourceRef(source, line, FormatName),
        });
    }

    private static ReadResult MapScraped(string source, int line, JsonElement entry)
    {
        var details = entry.Object("details");
        var title = JsonFields.Collapse(entry.String("title") ?? details?.String("title"));
        var url = entry.String("paper_url");
        if (title is null)
        {
            return ReadResult.Rejected(source, line, $"scraped entry {url} has no title");
        }

        var arxiv = Identifiers.NormalizeArxiv(url) ?? Identifiers.NormalizeArxiv(details?.String("arxiv_page_url"));
        // "abstract" of a scraped page is often the first comment ("code agent", "Project Repo: …"): mined for links only.
        var links = LinkExtractor.Extract(details?.String("abstract"));
        var repos = links.Repos.ToList();
        foreach (var link in details?.Array("github_links") ?? [])
        {
            if (link.ValueKind == JsonValueKind.String && RepoUrl.TryParse(link.GetString()!) is { } repo && repos.All(r => r.Repo.Url != repo.Url))
            {
                repos.Add(new RepoLink(repo, link.GetString()!));
            }
        }

        return ReadResult.Ok(new PaperRecord
        {
            Title = title,
            Upvotes = entry.Int("stars", "upvotes"),
            ArxivId = arxiv,
            Repos = repos,
            Links = links.Links,
            Mentions = links.Mentions.Where(m => m.Value != arxiv).ToArray(),
            Source = new SourceRef(source, line, ScrapedFormatName),
        });
    }
}
