namespace CiteGraph.Loaders.Reading;

/// <summary>How inputs are read.</summary>
/// <param name="Format">A format name or alias of <see cref="Formats"/> that overrides detection, or null to detect.</param>
/// <param name="EdgeDirection">Which column of an edge list cites which.</param>
/// <param name="IdKind">What an edge list's ids are: arXiv ids, DOIs, plain node ids, or decided per file.</param>
public sealed record ReadOptions(string? Format = null, EdgeDirection EdgeDirection = EdgeDirection.Auto, EdgeIdKind IdKind = EdgeIdKind.Auto)
{
    /// <summary>Detect every format; edge direction by convention.</summary>
    public static ReadOptions Default { get; } = new();

    /// <summary>The formats to detect and accept by name; null for <see cref="FormatRegistry.Default"/>.</summary>
    public FormatRegistry? Formats { get; init; }
}
