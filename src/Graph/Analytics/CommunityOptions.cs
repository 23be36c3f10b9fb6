namespace CiteGraph.Graph.Analytics;

/// <summary>What Louvain and Leiden share: the resolution, the hierarchy depth and the seed.</summary>
public abstract record CommunityOptions
{
    /// <summary>Modularity resolution γ &gt; 0. Default 1.</summary>
    public double Resolution
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(Resolution));
            field = value;
        }
    } = 1.0;

    /// <summary>Maximum number of aggregation levels (for Leiden, per iteration), &gt; 0. Default 10.</summary>
    public int MaxLevels
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(MaxLevels));
            field = value;
        }
    } = 10;

    /// <summary>Seed of node orders (and Leiden's refinement choices); equal seeds give identical results. Default 42.</summary>
    public int Seed { get; init; } = 42;
}

/// <summary>Parameters of <see cref="Louvain.Compute"/>; defaults are those of Neo4j GDS.</summary>
public sealed record LouvainOptions : CommunityOptions
{
    /// <summary>Maximum local-moving passes over all nodes per level, &gt; 0. Default 10.</summary>
    public int MaxIterations
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(MaxIterations));
            field = value;
        }
    } = 10;

    /// <summary>
    /// Minimum modularity gain, ≥ 0: a level stops its passes, and the algorithm stops adding levels, when a pass/level gains
    /// less. Default 1e-4.
    /// </summary>
    public double Tolerance
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(Tolerance));
            field = value;
        }
    } = 1e-4;

}

/// <summary>Parameters of <see cref="Leiden.Compute"/>; defaults follow Neo4j GDS where it has the setting.</summary>
public sealed record LeidenOptions : CommunityOptions
{
    /// <summary>
    /// Number of full Leiden iterations, each starting from the previous partition (stops early when one changes nothing), &gt; 0.
    /// Default 2 (as igraph's and leidenalg's <c>n_iterations</c>).
    /// </summary>
    public int Iterations
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(Iterations));
            field = value;
        }
    } = 2;

    /// <summary>
    /// Randomness θ &gt; 0 of the refinement step: a node joins a sub-community with probability ∝ exp(ΔH/θ), ΔH in edge-weight
    /// units. Default 0.01.
    /// </summary>
    public double Theta
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(Theta));
            field = value;
        }
    } = 0.01;

    /// <summary>
    /// The partition to start from, one community number per node (any non-negative numbers; -1 places a node alone), or
    /// null to start from singletons. Default null.
    /// </summary>
    public IReadOnlyList<int>? InitialPartition { get; init; }
}

/// <summary>A community assignment with its hierarchy.</summary>
/// <param name="Communities">Final community of each node, dense in <c>0..CommunityCount-1</c>.</param>
/// <param name="CommunityCount">Number of communities.</param>
/// <param name="Modularity">Modularity (with the requested resolution) of <paramref name="Communities"/> on the undirected view.</param>
/// <param name="Levels">Per level, the community of each original node after that level (dense ids); the last equals <paramref name="Communities"/>.</param>
/// <param name="LevelModularities">Modularity after each level.</param>
public sealed record CommunityResult(
    int[] Communities,
    int CommunityCount,
    double Modularity,
    IReadOnlyList<int[]> Levels,
    IReadOnlyList<double> LevelModularities);
