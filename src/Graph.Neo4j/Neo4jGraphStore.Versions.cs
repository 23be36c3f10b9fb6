using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage.Versions;

namespace CiteGraph.Graph.Neo4j;

/// <summary>
/// Versions and the change feed are not kept in Neo4j yet: its write path has no transaction-bound event writer (SQLite's are
/// triggers). Runs against it make no versions, and asking for them says so instead of answering with an empty history.
/// </summary>
public sealed partial class Neo4jGraphStore
{
    private const string NoVersions =
        "The Neo4j store does not record versions or the change feed yet (issue 21); use the SQLite store for versions, changes and asOf.";

    /// <inheritdoc />
    public bool KeepsVersions => false;

    /// <inheritdoc />
    public Task<GraphVersion> CompleteRunAsync(VersionRun run, CancellationToken cancellationToken = default) => throw new GraphStoreException(NoVersions);

    /// <inheritdoc />
    public Task<IReadOnlyList<GraphVersion>> ReadVersionsAsync(long after, int first, CancellationToken cancellationToken = default) =>
        throw new GraphStoreException(NoVersions);

    /// <inheritdoc />
    public Task<GraphVersion?> FindVersionAsync(long number, CancellationToken cancellationToken = default) => throw new GraphStoreException(NoVersions);

    /// <inheritdoc />
    public Task<ChangePage> ReadChangesAsync(long sinceVersion, long afterSequence, int first, CancellationToken cancellationToken = default) =>
        throw new GraphStoreException(NoVersions);

    /// <inheritdoc />
    public Task<Paper?> FindPaperAsOfAsync(string id, long version, CancellationToken cancellationToken = default) => throw new GraphStoreException(NoVersions);

    /// <inheritdoc />
    public Task<IReadOnlyList<RankedPaper>> RankAsOfAsync(RankingMetric metric, int first, PaperFilter filter, long version, CancellationToken cancellationToken = default) =>
        throw new GraphStoreException(NoVersions);
}
