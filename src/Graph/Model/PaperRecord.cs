namespace CiteGraph.Graph.Model;

/// <summary>
/// One paper as one source describes it, before resolution: what a reader produces and the store merges into a Paper.
/// </summary>
public sealed record PaperRecord
{
    public required string Title { get; init; }
    public string? Abstract { get; init; }
    public PartialDate? Published { get; init; }
    public int? AuthorsCount { get; init; }
    public string? Organization { get; init; }
    public int? Upvotes { get; init; }
    public string? ArxivId { get; init; }
    public string? Doi { get; init; }
    public IReadOnlyList<ExternalId> ExternalIds { get; init; } = [];
    public IReadOnlyList<RepoLink> Repos { get; init; } = [];
    public IReadOnlyList<WebLink> Links { get; init; } = [];
    /// <summary>arXiv ids and DOIs the text mentions (candidates for inferred citations).</summary>
    public IReadOnlyList<ExternalId> Mentions { get; init; } = [];
    /// <summary>
    /// Papers this one cites, as the source names them (OpenAlex work ids, Semantic Scholar ids, edge-list node ids, arXiv
    /// ids, DOIs): explicit citations. A reference to a paper not in the store becomes a stub paper until it arrives.
    /// </summary>
    public IReadOnlyList<ExternalId> References { get; init; } = [];
    /// <summary>Author names in order, where the source names them.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];
    /// <summary>Keywords the source attaches (Hugging Face <c>ai_keywords</c>, OpenAlex concepts and topics): topic candidates.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public required SourceRef Source { get; init; }

    /// <summary>The year if the source gave one.</summary>
    public int? Year => Published?.Year;
}
