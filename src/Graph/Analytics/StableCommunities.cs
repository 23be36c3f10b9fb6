using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;

namespace CiteGraph.Graph.Analytics;

/// <summary>
/// The previous run's partition of the papers an analytics run is about to partition again, at every stored level: what
/// Leiden is warm-started from (<see cref="Detect"/>) and what the new hierarchy's ids are matched to
/// (<see cref="Relabel"/>, <see cref="CommunityMatching"/>), so a re-run keeps its communities' ids.
/// </summary>
public sealed class StableCommunities
{
    private readonly IReadOnlyList<int[]> _previous;
    private readonly int _nextId;
    private readonly bool _warm;

    private StableCommunities(IReadOnlyList<int[]> previous, int nextId, bool warm)
    {
        _previous = previous;
        _nextId = nextId;
        _warm = warm && previous.Count > 0;
    }

    /// <summary>No previous partition: detection starts from singletons and ids are numbered from <paramref name="nextId"/>.</summary>
    public static StableCommunities None(int nextId = 0) => new([], nextId, warm: false);

    /// <summary>Whether a previous partition was found.</summary>
    public bool HasPrevious => _previous.Count > 0;

    /// <summary>Levels the previous run stored.</summary>
    public int PreviousLevels => _previous.Count;

    /// <summary>Whether Leiden starts from the previous partition: only when that run partitioned the same graph.</summary>
    public bool WarmStarts => _warm;

    /// <summary>
    /// Reads the previous partition of <paramref name="nodeIds"/> at each level the store keeps (a paper it did not place
    /// is -1), and the lowest id never given. Ids are matched whatever graph the previous run used; Leiden is warm-started
    /// only when it used <paramref name="graph"/> too (<see cref="GraphChoice.Name"/>), as a partition of another graph
    /// (most papers alone on the citations, say) is no good start for this one.
    /// </summary>
    public static async Task<StableCommunities> LoadAsync(
        IAnalyticsStore store, ICommunityHistoryStore history, string[] nodeIds, string graph, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(nodeIds);
        var max = await history.GetMaxCommunityIdAsync(cancellationToken).ConfigureAwait(false);
        if (max is null)
        {
            return None();
        }

        var levels = await store.ReadCommunityLevelsAsync(nodeIds, CommunityHierarchy.MaxLevels, cancellationToken).ConfigureAwait(false);
        var last = await store.GetAnalyticsSummaryAsync(cancellationToken).ConfigureAwait(false);
        return new StableCommunities(levels, max.Value + 1, string.Equals(last?.Graph, graph, StringComparison.Ordinal));
    }

    /// <summary>
    /// Leiden on <paramref name="graph"/> (level <paramref name="level"/> of the hierarchy; below level 0, the subgraph of
    /// <paramref name="nodes"/>), warm-started from the previous partition of the same papers when there is one.
    /// </summary>
    public CommunityResult Detect(CsrGraph graph, int level, IReadOnlyList<int>? nodes, LeidenOptions options)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        return Leiden.Compute(graph, _warm && level < _previous.Count ? options with { InitialPartition = WarmStart.Restrict(_previous[level], nodes) } : options);
    }

    /// <summary>
    /// <paramref name="hierarchy"/> with every level's ids matched to the previous run's at the same level (fresh ids above
    /// every id given before), the events found, and how many papers kept their id.
    /// </summary>
    public StableRelabelling Relabel(CommunityHierarchy hierarchy)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        if (!HasPrevious && _nextId == 0)
        {
            return new StableRelabelling(hierarchy, [], []);
        }

        var next = _nextId;
        var levels = new List<int[]>(hierarchy.Levels.Count);
        var events = new List<CommunityEvent>();
        var kept = new List<CommunityMatchResult>();
        for (var level = 0; level < hierarchy.Levels.Count; level++)
        {
            // A level the previous run did not reach has nothing to continue: all its communities are new, without events.
            var previous = level < _previous.Count ? _previous[level] : Enumerable.Repeat(-1, hierarchy.Levels[level].Length).ToArray();
            var match = CommunityMatching.Match(hierarchy.Levels[level], previous, next, level);
            next = match.NextId;
            levels.Add(match.Membership);
            if (level < _previous.Count)
            {
                events.AddRange(match.Events);
                kept.Add(match);
            }
        }

        return new StableRelabelling(hierarchy with { Levels = levels }, events, kept);
    }
}

/// <summary>A hierarchy relabelled by <see cref="StableCommunities.Relabel"/>.</summary>
/// <param name="Hierarchy">The hierarchy with stable ids.</param>
/// <param name="Events">The events between the previous run and this one, every compared level.</param>
/// <param name="Levels">Per compared level, the match (ids kept, papers placed before).</param>
public sealed record StableRelabelling(CommunityHierarchy Hierarchy, IReadOnlyList<CommunityEvent> Events, IReadOnlyList<CommunityMatchResult> Levels)
{
    /// <summary>What the run report says: papers that kept their id at each compared level, and the events.</summary>
    public string Outcome() => Levels.Count == 0
        ? "no previous communities: ids numbered by size"
        : string.Join("; ", Levels.Select((m, level) => System.FormattableString.Invariant(
              $"level {level}: {m.Kept:N0} of {m.Placed:N0} papers kept their id ({(m.Placed == 0 ? 0 : 100.0 * m.Kept / m.Placed):F1}%)"))) +
          $"; {Events.Count:N0} events";
}
