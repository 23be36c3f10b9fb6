namespace CiteGraph.Graph.Model;

/// <summary>The names of the paper fields a merge decides from its sources, as provenance and the API name them.</summary>
public static class PaperFields
{
    public const string Title = "title";
    public const string Abstract = "abstract";
    public const string Published = "published";
    public const string Year = "year";
    public const string AuthorsCount = "authorsCount";
    public const string Organization = "organization";
    public const string Upvotes = "upvotes";
    public const string ArxivId = "arxivId";
    public const string Doi = "doi";

    /// <summary>Every merged field, in the order provenance lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Title, Abstract, Published, Year, AuthorsCount, Organization, Upvotes, ArxivId, Doi];
}
