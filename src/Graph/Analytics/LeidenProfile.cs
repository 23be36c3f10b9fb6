using System.Diagnostics;

namespace CiteGraph.Graph.Analytics;

/// <summary>
/// Where one or more <see cref="Leiden"/> runs spend their time, per aggregation level: the local-moving node visits and
/// moves, and the time of local moving, refinement and aggregation. Filled only when a caller passes one (the analytics
/// bench), so the production path pays a null check per phase, not per node.
/// </summary>
internal sealed class LeidenProfile
{
    /// <summary>Per aggregation level (index 0 = the input graph), summed over every run and iteration profiled.</summary>
    public List<LeidenLevelProfile> Levels { get; } = [];

    /// <summary>Runs profiled (one per <see cref="Leiden.Compute(CsrGraph, LeidenOptions?)"/> call).</summary>
    public int Runs { get; set; }

    /// <summary>Time outside the three phases: building the weighted view, renumbering, the final split and modularity.</summary>
    public TimeSpan Other { get; set; }

    /// <summary>The row of aggregation level <paramref name="level"/>, created on first use.</summary>
    public LeidenLevelProfile Level(int level)
    {
        while (Levels.Count <= level)
        {
            Levels.Add(new LeidenLevelProfile());
        }

        return Levels[level];
    }

    /// <summary>
    /// The clock phases are timed with: wall time by default; the bench passes the thread's CPU time, as on a shared machine a
    /// niced run's wall time says more about the other jobs than about Leiden.
    /// </summary>
    public Func<TimeSpan> Now { get; init; } = static () => Stopwatch.GetElapsedTime(0);
}

/// <summary>One aggregation level's share of a <see cref="LeidenProfile"/>.</summary>
internal sealed class LeidenLevelProfile
{
    /// <summary>Times this level was reached (runs × iterations).</summary>
    public int Entries { get; set; }

    /// <summary>Nodes of the graph at this level, summed over entries.</summary>
    public long Nodes { get; set; }

    /// <summary>Arcs (both directions) of the graph at this level, summed over entries.</summary>
    public long Arcs { get; set; }

    /// <summary>Nodes taken from the local-moving queue.</summary>
    public long Visits { get; set; }

    /// <summary>Arcs scanned by those visits (the real work of local moving).</summary>
    public long ArcsScanned { get; set; }

    /// <summary>Visits that changed the node's community.</summary>
    public long Moves { get; set; }

    /// <summary>Time in fast local moving.</summary>
    public TimeSpan LocalMoving { get; set; }

    /// <summary>Time in refinement.</summary>
    public TimeSpan Refinement { get; set; }

    /// <summary>Time in aggregation.</summary>
    public TimeSpan Aggregation { get; set; }
}
