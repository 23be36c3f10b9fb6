using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Storage.Versions;

/// <summary>
/// A role of a graph store: the versions of the graph and the change feed written with the data (issue 21), and answers as
/// they were at a version. Writes record their events under the ambient <see cref="VersionRun"/>, or under a version of
/// their own when no run is open.
/// </summary>
public interface IVersionLog
{
    /// <summary>Whether this store records versions and events; the other members throw <see cref="GraphStoreException"/> when it does not.</summary>
    bool KeepsVersions { get; }

    /// <summary>
    /// Finishes <paramref name="run"/>: its summary counted and fixed. A run that wrote nothing gets its (empty) version here.
    /// </summary>
    Task<GraphVersion> CompleteRunAsync(VersionRun run, CancellationToken cancellationToken = default);

    /// <summary>Versions after number <paramref name="after"/> (0: from the first), oldest first, at most <paramref name="first"/>.</summary>
    Task<IReadOnlyList<GraphVersion>> ReadVersionsAsync(long after, int first, CancellationToken cancellationToken = default);

    /// <summary>The version numbered <paramref name="number"/>, or null.</summary>
    Task<GraphVersion?> FindVersionAsync(long number, CancellationToken cancellationToken = default);

    /// <summary>
    /// Events of versions after <paramref name="sinceVersion"/>, after the event at <paramref name="after"/>, in commit order,
    /// at most <paramref name="first"/>. Exactly once: paging on from each page's last <see cref="ChangeEvent.Cursor"/> while
    /// any number of writers commit (or die) delivers every event that commits, none twice.
    /// </summary>
    Task<ChangePage> ReadChangesAsync(long sinceVersion, ChangeCursor after, int first, CancellationToken cancellationToken = default);

    /// <summary>
    /// The paper <paramref name="id"/> (CiteGraph or external id) with its merged fields as they were when version
    /// <paramref name="version"/> was made; null when it did not exist yet. Analytics are those of the last analyze run
    /// at or before the version.
    /// </summary>
    Task<Paper?> FindPaperAsOfAsync(string id, long version, CancellationToken cancellationToken = default);

    /// <summary>The ranking as it was at <paramref name="version"/>: the last analyze run's scores at or before it (citations: those that existed then).</summary>
    Task<IReadOnlyList<RankedPaper>> RankAsOfAsync(RankingMetric metric, int first, PaperFilter filter, long version, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="RankAsOfAsync(RankingMetric, int, PaperFilter, long, CancellationToken)"/>, with every paper's citation
    /// count at another version at hand (the serving snapshot's in-degrees): a store may start citations as of
    /// <paramref name="version"/> from them when they are nearer than what it keeps. The answer is the same either way.
    /// </summary>
    Task<IReadOnlyList<RankedPaper>> RankAsOfAsync(
        RankingMetric metric, int first, PaperFilter filter, long version, Snapshot.CitationCountsAt? counts, CancellationToken cancellationToken = default) =>
        RankAsOfAsync(metric, first, filter, version, cancellationToken);
}
