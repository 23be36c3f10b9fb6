namespace CiteGraph.Graph.Analytics;

/// <summary>Which PageRank definition <see cref="PageRank"/> computes.</summary>
public enum PageRankMode
{
    /// <summary>
    /// Neo4j GDS semantics: unnormalized, delta-propagating; every node starts at <c>1-d</c>, dangling mass is lost and
    /// scores do not sum to 1.
    /// </summary>
    Gds,

    /// <summary>
    /// igraph/networkx semantics: a probability vector (sums to 1), dangling mass redistributed along the teleport
    /// vector, iterated until the L1 change is below <see cref="PageRankOptions.Tolerance"/> (unweighted: per strongly connected
    /// component of a Gauss–Seidel solve, <see cref="PageRankResult.Iterations"/> = most sweeps of any component).
    /// </summary>
    Normalized,
}

/// <summary>Parameters of <see cref="PageRank.Compute"/>; defaults are those of Neo4j GDS.</summary>
public sealed record PageRankOptions
{
    /// <summary>Defaults suited to <see cref="PageRankMode.Normalized"/>: up to 1000 iterations, L1 tolerance 1e-10 (like igraph's PRPACK).</summary>
    public static PageRankOptions Normalized { get; } = new() { Mode = PageRankMode.Normalized, MaxIterations = 1000, Tolerance = 1e-10 };

    /// <summary>Damping factor d in [0, 1). Default 0.85.</summary>
    public double Damping
    {
        get;
        init
        {
            if (!(value >= 0 && value < 1))
            {
                throw new ArgumentOutOfRangeException(nameof(Damping), value, "Damping must be in [0, 1).");
            }

            field = value;
        }
    } = 0.85;

    /// <summary>
    /// Maximum number of iterations, &gt; 0. Default 20 (GDS: the initial step plus 19 propagation supersteps).
    /// </summary>
    public int MaxIterations
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(MaxIterations));
            field = value;
        }
    } = 20;

    /// <summary>
    /// Convergence tolerance, ≥ 0. Default 1e-7. In <see cref="PageRankMode.Gds"/> mode it is the per-node delta below which a node
    /// stops propagating; in <see cref="PageRankMode.Normalized"/> mode the L1 change between iterations.
    /// </summary>
    public double Tolerance
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(Tolerance));
            field = value;
        }
    } = 1e-7;

    /// <summary>Which definition to compute. Default <see cref="PageRankMode.Gds"/>.</summary>
    public PageRankMode Mode { get; init; } = PageRankMode.Gds;

    /// <summary>
    /// Seed nodes for personalized PageRank; <c>null</c> or empty (the default) means the plain algorithm. In GDS mode seeds
    /// start at <c>1-d</c> and all other nodes at 0; in normalized mode teleports (and dangling mass) go uniformly to the seeds.
    /// </summary>
    public IReadOnlyList<int>? SourceNodes { get; init; }

    /// <summary>Maximum threads; <c>null</c> (the default) means <see cref="Environment.ProcessorCount"/>.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}

/// <summary>PageRank scores indexed by dense node id.</summary>
/// <param name="Scores">Score of each node.</param>
/// <param name="Iterations">Iterations run (GDS: counting the initial step, as GDS <c>ranIterations</c>).</param>
/// <param name="Converged">Whether the tolerance was reached before <see cref="PageRankOptions.MaxIterations"/>.</param>
public sealed record PageRankResult(double[] Scores, int Iterations, bool Converged);
