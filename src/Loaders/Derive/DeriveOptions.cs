using CiteGraph.Loaders.Topics;

namespace CiteGraph.Loaders.Derive;

/// <summary>Options of the corpus-wide derive pass (topics, co-topics, inferred lineage).</summary>
public sealed record DeriveOptions
{
    /// <summary>Topic, co-topic and co-occurrence options.</summary>
    public TopicOptions Topics { get; init; } = new();

    /// <summary>Whether to infer CITES from text. Default true.</summary>
    public bool InferLineage { get; init; } = true;

    /// <summary>Inferred citations below this confidence are not written. Default 0.5 (queries filter further with <c>minConfidence</c>).</summary>
    public double MinConfidence { get; init; } = 0.5;

    /// <summary>Where to write every proposed inferred citation with its signals (TSV, before any threshold), or null: what calibration is fitted on.</summary>
    public string? LineageSignalsPath { get; init; }

    /// <summary>Papers extracted per parallel batch. Default 2,000.</summary>
    public int BatchSize { get; init; } = 2000;
}

/// <summary>A progress tick of the derive pass.</summary>
/// <param name="Stage">What runs: <c>extracting</c>, <c>topics</c>, <c>writing topics</c>, <c>lineage</c>, <c>writing lineage</c>.</param>
/// <param name="Done">Papers (or rows) done in this stage.</param>
/// <param name="Total">Total of this stage, where known.</param>
public readonly record struct DeriveProgress(string Stage, int Done, int? Total);

/// <summary>What a derive pass computed and wrote.</summary>
public sealed record DeriveReport(
    int Papers,
    int Topics,
    int HasTopic,
    int CoTopic,
    int CoOccurs,
    int InferredCitations,
    TimeSpan Elapsed);
