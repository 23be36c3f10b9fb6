namespace CiteGraph.Loaders.Generation;

/// <summary>What <see cref="SyntheticCorpus"/> generates. The same options give the same file, byte for byte.</summary>
public sealed record GeneratorOptions
{
    /// <summary>Papers to generate. Default 10,000.</summary>
    public int Papers { get; init; } = 10_000;

    /// <summary>References per paper (the first papers have fewer predecessors, so fewer). Default 10.</summary>
    public int RefsPerPaper { get; init; } = 10;

    /// <summary>Seed of the pseudo-random sequence. Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>
    /// Plants a field born in this year: from then on a share of the papers belong to a new field, with words of its own,
    /// citing only its own earlier papers. Null plants none. Papers span <see cref="SyntheticCorpus.FirstYear"/> to
    /// <see cref="SyntheticCorpus.LastYear"/>. Planting anything also gives the other papers four background fields.
    /// </summary>
    public int? BornYear { get; init; }

    /// <summary>
    /// Plants two fields that merge in this year: two fields with words of their own until the year before; from this year
    /// on their share of the papers belongs to one merged field whose papers cite both parents (and each other). Null plants none.
    /// </summary>
    public int? MergeYear { get; init; }

    /// <summary>
    /// Gives every paper two coined method names (a made-up word and a noun, e.g. "kalotri sampler") from a vocabulary that
    /// grows with the corpus (a tenth of <see cref="Papers"/>, at least 1,000), drawn log-uniformly: a few names in many papers,
    /// most in a few, as the key phrases of a real literature are. Without it the corpus's words come from small fixed lists,
    /// so past ~100,000 papers every topic is carried by too many papers to propose CO_TOPIC candidates
    /// (<c>TopicOptions.CoTopicMaxDf</c>) and a large generated corpus derives no co-topic at all. The citations, dates and
    /// authors are the same either way.
    /// </summary>
    public bool CoinedTerms { get; init; }

    /// <summary>Whether fields are planted (<see cref="BornYear"/> or <see cref="MergeYear"/> given).</summary>
    public bool Planted => BornYear is not null || MergeYear is not null;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for impossible values.</summary>
    public void Validate()
    {
        if (BornYear is { } born)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(born, SyntheticCorpus.FirstYear + 1, nameof(BornYear));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(born, SyntheticCorpus.LastYear, nameof(BornYear));
        }

        if (MergeYear is { } merge)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(merge, SyntheticCorpus.FirstYear + 1, nameof(MergeYear));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(merge, SyntheticCorpus.LastYear, nameof(MergeYear));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(Papers);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Papers, 100_000_000);
        ArgumentOutOfRangeException.ThrowIfNegative(RefsPerPaper);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(RefsPerPaper, 1_000);
    }
}
