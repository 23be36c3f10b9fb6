using System.ComponentModel.DataAnnotations;

namespace CiteGraph.Host.Hosting;

/// <summary>
/// Limits of the <c>ingest</c> mutation's disk use, section <c>CiteGraph:Ingest</c> (issue 17, item 7): the key holder
/// cannot grow the disk without bound. Checked before each ingest against the SQLite file (with its WAL) and the free
/// space of its disk, counting the content as if it grew the database fourfold (text, indexes, search index, sources).
/// </summary>
public sealed class IngestLimitsOptions
{
    public const string Section = "CiteGraph:Ingest";

    /// <summary>Largest the database (file + WAL) may grow to through ingest, in bytes; 0 means no limit. Default 16 GiB.</summary>
    [Range(0, long.MaxValue)]
    public long MaxDatabaseBytes { get; set; } = 16L << 30;

    /// <summary>Free space an ingest must leave on the database's disk, in bytes. Default 1 GiB.</summary>
    [Range(0, long.MaxValue)]
    public long MinFreeDiskBytes { get; set; } = 1L << 30;

    /// <summary>How many bytes of database one byte of ingested content is counted as.</summary>
    public const int GrowthFactor = 4;
}
