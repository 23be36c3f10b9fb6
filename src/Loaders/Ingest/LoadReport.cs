using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Ingest;

/// <summary>What one input contributed to a load.</summary>
/// <param name="Source">The input's name.</param>
/// <param name="Format">The format it was read as (e.g. <c>hf-listing-c</c>), or null when it could not be read at all.</param>
/// <param name="Read">Entries found: loaded plus rejected.</param>
/// <param name="Loaded">Records written.</param>
/// <param name="Rejected">Entries rejected.</param>
/// <param name="Note">A choice the reader made that the user should know of (how an edge list's ids were read), or null.</param>
public sealed record FileReport(string Source, string? Format, int Read, int Loaded, int Rejected, string? Note = null);

/// <summary>
/// The outcome of a load: entries read, records loaded, of which how many created a paper and how many merged into one
/// already known, rejections with their reasons, and the store's paper count afterwards.
/// </summary>
public sealed record LoadReport
{
    public required int Read { get; init; }
    public required int Loaded { get; init; }
    /// <summary>Loaded records that created a new paper.</summary>
    public required int New { get; init; }
    /// <summary>Loaded records that resolved to a paper already stored or read earlier in this load.</summary>
    public required int Merged { get; init; }
    /// <summary>Merged records by the rule that matched them: <c>arxiv</c>, <c>doi</c>, <c>external</c>, <c>title</c>.</summary>
    public IReadOnlyDictionary<string, int> MergedBy { get; init; } = new Dictionary<string, int>();
    public required int Rejected { get; init; }
    public required IReadOnlyList<FileReport> Files { get; init; }
    public required IReadOnlyList<Rejection> Rejections { get; init; }
    /// <summary>Papers in the store after the load.</summary>
    public required int PapersInStore { get; init; }
    /// <summary>Repositories in the store after the load.</summary>
    public required int ReposInStore { get; init; }
    /// <summary>Citation edges (explicit and inferred) in the store after the load.</summary>
    public int CitationsInStore { get; init; }
    /// <summary>Explicit citations this load added (ones already stored, or listed twice, are not counted again).</summary>
    public int CitationsAdded { get; init; }
    public required TimeSpan Elapsed { get; init; }
    /// <summary>
    /// The part of <see cref="Elapsed"/> a bulk load spent at its end building the indexes it deferred and indexing the
    /// new papers for search; null when the load was not a bulk load.
    /// </summary>
    public TimeSpan? Indexing { get; init; }
    /// <summary>The version of the graph the load made (<c>changes(since:)</c> takes it), or null when the store keeps no versions.</summary>
    public long? Version { get; init; }
    /// <summary>The papers this load wrote records into (new or merged), by id: what an incremental derive pass derives.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyCollection<string> Papers { get; init; } = [];
    /// <summary>What the derive stage after the load computed (<see cref="Derive.DeriveStage.AfterLoadAsync"/>), or null when it did not run.</summary>
    public Derive.DeriveReport? Derived { get; init; }
}
