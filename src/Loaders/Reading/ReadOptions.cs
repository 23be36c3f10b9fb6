namespace CiteGraph.Loaders.Reading;

/// <summary>How inputs are read.</summary>
/// <param name="Format">A format name from <see cref="FormatDetector.FormatNames"/> that overrides detection, or null to detect.</param>
/// <param name="EdgeDirection">Which column of an edge list cites which.</param>
/// <param name="IdKind">What an edge list's ids are: arXiv ids, DOIs, plain node ids, or decided per file.</param>
public sealed record ReadOptions(string? Format = null, EdgeDirection EdgeDirection = EdgeDirection.Auto, EdgeIdKind IdKind = EdgeIdKind.Auto)
{
    /// <summary>Detect every format; edge direction by convention.</summary>
    public static ReadOptions Default { get; } = new();
}
