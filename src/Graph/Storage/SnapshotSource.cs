namespace CiteGraph.Graph.Storage;

/// <summary>
/// Everything the in-memory snapshot is built from, as dense arrays: paper <c>i</c> is <c>PaperIds[i]</c>; citations and
/// paper–repository links are index pairs; inferred citations carry their confidence and evidence.
/// </summary>
public sealed record SnapshotSource
{
    public required string[] PaperIds { get; init; }
    /// <summary>Publication year per paper, <see cref="int.MinValue"/> when unknown.</summary>
    public required int[] Years { get; init; }
    /// <summary>True for stub papers (referenced, not yet loaded).</summary>
    public required bool[] IsStub { get; init; }
    /// <summary>Community per paper from the last analytics run, -1 when none.</summary>
    public required int[] Communities { get; init; }
    /// <summary>PageRank per paper from the last analytics run, NaN when none.</summary>
    public required double[] PageRanks { get; init; }
    public required int[] CitationSources { get; init; }
    public required int[] CitationTargets { get; init; }
    /// <summary>Citations known only by inference (a pair also cited explicitly is explicit).</summary>
    public required IReadOnlyList<InferredCitation> Inferred { get; init; }
    public required string[] RepoUrls { get; init; }
    public required int[] RepoLinkPapers { get; init; }
    public required int[] RepoLinkRepos { get; init; }
    /// <summary>CO_TOPIC pairs (paper, neighbour) with their weights; empty where the store holds no topic layer.</summary>
    public int[] CoTopicSources { get; init; } = [];
    public int[] CoTopicTargets { get; init; } = [];
    public float[] CoTopicWeights { get; init; } = [];

    /// <summary>
    /// The store's own key of each paper (SQLite's row key), ascending with the paper index; empty where the store has no
    /// such key. Lets the store be handed per-paper values of the snapshot by its keys (<see cref="Snapshot.CitationCountsAt"/>).
    /// </summary>
    public long[] PaperKeys { get; init; } = [];

    /// <summary>
    /// The version (issue 21) whose state this source is: the last version, read when every version was finished, so no
    /// run had written part of its rows. Null when a run was writing, or the store keeps no versions.
    /// </summary>
    public long? AtVersion { get; init; }
}

/// <summary>An inferred citation between papers <c>Source</c> and <c>Target</c> (dense indexes).</summary>
public readonly record struct InferredCitation(int Source, int Target, double Confidence, string? Evidence);
