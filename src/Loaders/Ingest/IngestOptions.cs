namespace CiteGraph.Loaders.Ingest;

/// <summary>Options of a load.</summary>
public sealed class IngestOptions
{
    /// <summary>Records written per transaction. Default 1,000.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Where rejected entries are appended as JSON lines; null to keep them in the report only.</summary>
    public string? RejectsPath { get; set; }
}
