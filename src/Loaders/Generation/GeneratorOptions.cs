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

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for impossible values.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Papers);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Papers, 100_000_000);
        ArgumentOutOfRangeException.ThrowIfNegative(RefsPerPaper);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(RefsPerPaper, 1_000);
    }
}
