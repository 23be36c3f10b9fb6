namespace CiteGraph.GraphQL.Mutations;

/// <summary>
/// What the <c>ingest</c> mutation needs from the host: load some content in a named format (null: detect it), an edge
/// list's ids read as the named kind (<c>arxiv</c>, <c>doi</c>, <c>plain</c>; null: decided from the content).
/// </summary>
/// <remarks>The GraphQL layer knows no file format; the host implements this with the loaders.</remarks>
public interface IIngestService
{
    /// <summary>The formats <see cref="IngestAsync"/> reads, in the order the schema lists them.</summary>
    IReadOnlyList<IngestFormat> Formats { get; }

    Task<IngestOutcome> IngestAsync(string? format, string? idKind, string content, CancellationToken cancellationToken);
}

/// <summary>A format the <c>ingest</c> mutation reads: its name (<c>hf-listing</c>) and a sentence for the schema.</summary>
public sealed record IngestFormat(string Name, string Description);

/// <summary>The load report of an <c>ingest</c> mutation.</summary>
public sealed record IngestOutcome(
    int Read, int Loaded, int New, int Merged, int Rejected, IReadOnlyList<string> Rejections, int PapersInStore, int CitationsAdded = 0);
