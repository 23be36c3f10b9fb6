using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Ingest;

/// <summary>Options of a load.</summary>
public sealed class IngestOptions
{
    /// <summary>Records written per transaction. Default 1,000.</summary>
    public int BatchSize { get; set; } = 20000;

    /// <summary>Where rejected entries are appended as JSON lines; null to keep them in the report only.</summary>
    public string? RejectsPath { get; set; }

    /// <summary>
    /// The format of every input, overriding detection: <c>hf-listing</c>, <c>hf-json</c>, <c>arxiv</c>, <c>openalex</c>,
    /// <c>s2</c>, <c>edgelist</c>, <c>cora</c>, <c>node-dates</c> or <c>acl</c> (see <see cref="FormatDetector.FormatNames"/>). Default null: detect each input.
    /// </summary>
    public string? Format { get; set; }

    /// <summary>Which column of an edge list cites which. Default <see cref="EdgeDirection.Auto"/> (Cora's for <c>*.cites</c>, else SNAP's).</summary>
    public EdgeDirection EdgeDirection { get; set; } = EdgeDirection.Auto;

    /// <summary>
    /// Whether the corpus-wide derive pass (topics, co-topics, inferred lineage) runs after a load that wrote records.
    /// Default true.
    /// </summary>
    public bool Derive { get; set; } = true;

    /// <summary>Options of the derive pass.</summary>
    public Derive.DeriveOptions DeriveOptions { get; set; } = new();
}
