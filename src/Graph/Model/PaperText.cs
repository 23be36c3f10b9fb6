namespace CiteGraph.Graph.Model;

/// <summary>
/// What the derive pass reads of one stored paper: its text, its dates, its ids, its authors, the keywords sources gave
/// it and the identifiers its text mentions.
/// </summary>
public sealed record PaperText
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string? Abstract { get; init; }
    public int? Year { get; init; }
    /// <summary>ISO 8601, possibly partial (see <see cref="Paper.Published"/>).</summary>
    public string? Published { get; init; }
    public string? ArxivId { get; init; }
    public string? Doi { get; init; }
    /// <summary>Author names in order, where known.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];
    /// <summary>Keywords sources attached (Hugging Face <c>ai_keywords</c>, OpenAlex concepts/topics).</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];
    /// <summary>arXiv ids and DOIs the text mentions.</summary>
    public IReadOnlyList<ExternalId> Mentions { get; init; } = [];
}
