namespace CiteGraph.Graph.Storage.Versions;

/// <summary>
/// One version of the graph: the state after a run (<see cref="VersionKind"/>) committed. Numbers increase in the order runs
/// began. A version whose run has not finished (still running, or killed) is <see cref="Complete"/> = false, and its
/// summary counts what its committed transactions did.
/// </summary>
public sealed record GraphVersion(long Number, VersionKind Kind, DateTimeOffset At, DateTimeOffset? FinishedAt, VersionSummary Summary)
{
    /// <summary>Whether the run finished (its summary is final).</summary>
    public bool Complete => FinishedAt is not null;
}

/// <summary>What a version changed, counted from its events.</summary>
public sealed record VersionSummary(int PapersAdded, int PapersMerged, int FieldsChanged, int CitationsAdded, int CitationsRemoved)
{
    /// <summary>A version that changed nothing.</summary>
    public static VersionSummary Empty { get; } = new(0, 0, 0, 0, 0);

    /// <summary>The summary of <paramref name="counts"/>, events counted per kind.</summary>
    public static VersionSummary From(IReadOnlyDictionary<ChangeKind, int> counts) => new(
        counts.GetValueOrDefault(ChangeKind.PaperAdded),
        counts.GetValueOrDefault(ChangeKind.PaperMerged),
        counts.GetValueOrDefault(ChangeKind.FieldChanged),
        counts.GetValueOrDefault(ChangeKind.CitationAdded),
        counts.GetValueOrDefault(ChangeKind.CitationRemoved));
}
