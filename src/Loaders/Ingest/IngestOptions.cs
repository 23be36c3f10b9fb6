using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Ingest;

/// <summary>Options of a load.</summary>
public sealed class IngestOptions
{
    /// <summary>Inputs at least this large together are loaded in bulk unless <see cref="Bulk"/> says otherwise: 256 MiB.</summary>
    public const long BulkThresholdBytes = 256L << 20;

    /// <summary>
    /// Records written per transaction. Default 20,000: every commit rewrites the index pages it touched, so fewer, larger
    /// transactions write far less; a batch is still all or nothing.
    /// </summary>
    public int BatchSize { get; set; } = 20_000;

    /// <summary>What kind of version of the graph the load makes (<see cref="Graph.Storage.Versions.VersionKind.Load"/> from the CLI, <c>Ingest</c> over HTTP).</summary>
    public Graph.Storage.Versions.VersionKind VersionKind { get; set; } = Graph.Storage.Versions.VersionKind.Load;

    /// <summary>
    /// Whether the store may defer index maintenance to the end of the load (<see cref="Graph.Storage.IPaperWriter.BeginBulkLoadAsync"/>).
    /// Default null: when the inputs are known to total at least <see cref="BulkThresholdBytes"/>.
    /// </summary>
    public bool? Bulk { get; set; }

    /// <summary>Where each record that merged into a known paper is reported as a JSON line (rule and key); null for none.</summary>
    public string? MergesPath { get; set; }

    /// <summary>Where rejected entries are appended as JSON lines; null to keep them in the report only.</summary>
    public string? RejectsPath { get; set; }

    /// <summary>
    /// The format of every input, overriding detection: a name or alias of <see cref="Formats"/> (<c>hf-listing</c>,
    /// <c>openalex</c>, <c>edgelist</c>, …). Default null: detect each input.
    /// </summary>
    public string? Format { get; set; }

    /// <summary>The formats detected and accepted by name. Default null: <see cref="FormatRegistry.Default"/>, every format of the loaders.</summary>
    public FormatRegistry? Formats { get; set; }

    /// <summary>Which column of an edge list cites which. Default <see cref="EdgeDirection.Auto"/> (Cora's for <c>*.cites</c>, else SNAP's).</summary>
    public EdgeDirection EdgeDirection { get; set; } = EdgeDirection.Auto;

    /// <summary>
    /// What an edge list's ids are. Default <see cref="EdgeIdKind.Auto"/>: arXiv ids or DOIs when every id of a file's
    /// first edges is one kind (citations then attach to the papers with those ids), plain node ids otherwise.
    /// </summary>
    public EdgeIdKind IdKind { get; set; } = EdgeIdKind.Auto;
}
