using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Storage;

/// <summary>
/// A role of a graph store: the history of its communities across analytics runs. The runner reads the highest id ever
/// given (so a new community never reuses a dead one's id); the events each run found between its communities and the
/// previous run's are written with <see cref="IAnalyticsStore.WriteAnalyticsAsync"/> (<see cref="AnalyticsResults.CommunityEvents"/>)
/// and read back here, by run.
/// </summary>
public interface ICommunityHistoryStore
{
    /// <summary>The highest community id any run gave, among stored communities and recorded events; null when none.</summary>
    Task<int?> GetMaxCommunityIdAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Community events of the runs after <paramref name="afterRun"/> (0 for all), oldest run first, in each run by level,
    /// then in the order the run recorded them.
    /// </summary>
    /// <param name="afterRun">Only runs numbered above this.</param>
    /// <param name="untilRun">Only runs numbered at most this; null for no bound (<c>afterRun = r - 1, untilRun = r</c> reads run <c>r</c>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<CommunityEvent>> GetCommunityEventsAsync(long afterRun = 0, long? untilRun = null, CancellationToken cancellationToken = default);
}
