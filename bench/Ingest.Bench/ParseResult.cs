using System.Text.Json;

namespace CiteGraph.Ingest.Bench;

/// <summary>What a parse-only pass over one file counted, and how long it took.</summary>
/// <param name="Problem">Why no reader fits the file, or null when it was read.</param>
internal sealed record ParseResult(
    string File, string? Format, long Records, long References, long Authors, long Repos, long Rejections, long Bytes, double Seconds,
    string? Problem)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public double RecordsPerSecond => Seconds > 0 ? Records / Seconds : 0;

    public double MegabytesPerSecond => Seconds > 0 ? Bytes / 1e6 / Seconds : 0;

    /// <summary>Whether this process ran with server GC (the <c>citegraph</c> CLI does; this bench, as configured, does not).</summary>
    public bool ServerGc => System.Runtime.GCSettings.IsServerGC;

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
