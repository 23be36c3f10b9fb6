using CiteGraph.Embeddings;
using CiteGraph.Loaders.Lineage;
using CiteGraph.Loaders.Topics;

namespace CiteGraph.Loaders.Derive;

/// <summary>Options of the corpus-wide derive pass (topics, co-topics, inferred lineage).</summary>
public sealed record DeriveOptions
{
    /// <summary>Topic, co-topic and co-occurrence options.</summary>
    public TopicOptions Topics { get; init; } = new();

    /// <summary>Whether to infer CITES from text. Default true.</summary>
    public bool InferLineage { get; init; } = true;

    /// <summary>
    /// Inferred citations below this confidence are not written. Default <see cref="LineageCalibration.WriteFloor"/>
    /// (0.373, the conservative confidence of a raw model probability of 0.5; queries filter further with <c>minConfidence</c>).
    /// </summary>
    public double MinConfidence { get; init; } = LineageCalibration.WriteFloor;

    /// <summary>Where to write every proposed inferred citation with its signals (TSV, before any threshold), or null: what calibration is fitted on.</summary>
    public string? LineageSignalsPath { get; init; }

    /// <summary>
    /// Whether the full pass keeps the papers' cleaned texts for lineage on disk instead of in memory. Default true: the
    /// texts are the part of the pass that grows fastest with the corpus; the results are the same either way.
    /// </summary>
    public bool SpillTexts { get; init; } = true;

    /// <summary>
    /// Where the full pass writes the papers' cleaned texts for lineage to read back (a temporary file, deleted at the
    /// end; about 0.6 KB a paper), or null for the system's temporary folder.
    /// </summary>
    public string? SpillDirectory { get; init; }

    /// <summary>Papers extracted per parallel batch. Default 2,000.</summary>
    public int BatchSize { get; init; } = 2000;

    /// <summary>
    /// Whether to embed title and abstract of the papers that have no vector or whose text changed (sentence embeddings
    /// for semantic search). Needs a store that keeps vectors. Default false here, because it loads a model and is the
    /// slowest stage by far; the <c>load</c> and <c>derive</c> commands turn it on unless given <c>--no-embed</c>.
    /// </summary>
    public bool Embed { get; init; }

    /// <summary>
    /// Gives the embedder to use, owned by the caller (not disposed); called only when there is something to embed.
    /// Default null: the pass loads all-MiniLM-L6-v2 itself and disposes it at the end.
    /// </summary>
    public Func<ITextEmbedder>? Embedder { get; init; }

    /// <summary>Papers embedded and written per step (one write transaction each; the unit of progress). Default 256.</summary>
    public int EmbedBatchSize { get; init; } = 256;

    /// <summary>
    /// Whether a load may derive only the papers it wrote (<see cref="IncrementalDerive"/>) when the store was derived in
    /// full before and has not grown past <see cref="FullPassGrowth"/> since. Default true; false always runs the full pass.
    /// </summary>
    public bool Incremental { get; init; } = true;

    /// <summary>
    /// How much the corpus may grow (as a share of the papers the last full pass derived) before a load runs the full
    /// pass again, so that topics, idf and co-occurrences follow the corpus. Default 0.1 (10%).
    /// </summary>
    public double FullPassGrowth { get; init; } = 0.1;
}

/// <summary>Which derive pass ran (by name in JSON reports).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<DeriveMode>))]
public enum DeriveMode
{
    /// <summary>The corpus-wide pass (<see cref="TopicsAndLineage"/>).</summary>
    Full,

    /// <summary>Only the papers a load wrote and what they touch (<see cref="IncrementalDerive"/>).</summary>
    Incremental,
}

/// <summary>A progress tick of the derive pass.</summary>
/// <param name="Stage">What runs: <c>extracting</c>, <c>topics</c>, <c>writing topics</c>, <c>lineage</c>, <c>writing lineage</c>, <c>embedding</c>.</param>
/// <param name="Done">Papers (or rows) done in this stage.</param>
/// <param name="Total">Total of this stage, where known.</param>
/// <param name="Remaining">Estimated time left in this stage, where the stage is long enough to estimate (embedding).</param>
public readonly record struct DeriveProgress(string Stage, int Done, int? Total, TimeSpan? Remaining = null)
{
    /// <summary>One line for a terminal: stage, counts and the time left.</summary>
    public override string ToString() =>
        $"{Stage}: {Done:N0}{(Total is { } t ? $" of {t:N0}" : "")}" +
        (Remaining is { } r ? $", about {(r.TotalHours >= 1 ? $"{(int)r.TotalHours}h {r.Minutes:00}m" : r.TotalMinutes >= 1 ? $"{(int)r.TotalMinutes}m {r.Seconds:00}s" : $"{r.Seconds}s")} left" : "");
}

/// <summary>What a derive pass computed and wrote.</summary>
public sealed record DeriveReport(
    int Papers,
    int Topics,
    int HasTopic,
    int CoTopic,
    int CoOccurs,
    int InferredCitations,
    TimeSpan Elapsed)
{
    /// <summary>Papers embedded by this pass (new or changed texts); 0 when every vector was current or embedding was off.</summary>
    public int Embedded { get; init; }

    /// <summary>Papers whose vector was already current and were not embedded again.</summary>
    public int EmbeddingsCurrent { get; init; }

    /// <summary>Why embedding did not run although it was asked for (model not loadable, store without vectors), else null.</summary>
    public string? EmbeddingSkipped { get; init; }

    /// <summary>
    /// Which pass ran: <see cref="DeriveMode.Full"/> (every paper; <see cref="Papers"/> is the corpus) or
    /// <see cref="DeriveMode.Incremental"/> (<see cref="Papers"/> are the papers the load wrote, <see cref="Topics"/> the
    /// stored vocabulary, <see cref="CoTopic"/> the rows of the lists rebuilt, <see cref="CoOccurs"/> 0: unchanged).
    /// </summary>
    public DeriveMode Mode { get; init; }

    /// <summary>Why this pass was chosen (e.g. "the corpus grew 12% since the last full pass"), or null when asked for directly.</summary>
    public string? Reason { get; init; }
}
