namespace CiteGraph.Graph.Model;

/// <summary>A resolved paper node as stored: one per real paper, whatever number of sources describe it.</summary>
public sealed record Paper
{
    /// <summary>The stable CiteGraph id (see <see cref="PaperId"/>).</summary>
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string? Abstract { get; init; }
    public int? Year { get; init; }
    /// <summary>ISO 8601 date, possibly partial (<c>--11-21</c> when the year is unknown).</summary>
    public string? Published { get; init; }
    public int? AuthorsCount { get; init; }
    public string? Organization { get; init; }
    public int? Upvotes { get; init; }
    public string? ArxivId { get; init; }
    public string? Doi { get; init; }
    /// <summary>PageRank from the last analytics run (GDS semantics), null before one.</summary>
    public double? PageRank { get; init; }
    /// <summary>Betweenness centrality from the last analytics run, null when not computed.</summary>
    public double? Betweenness { get; init; }
    /// <summary>Community id from the last analytics run, null when not computed.</summary>
    public int? Community { get; init; }
    /// <summary>k-core number from the last analytics run, null when not computed.</summary>
    public int? CoreNumber { get; init; }
}
