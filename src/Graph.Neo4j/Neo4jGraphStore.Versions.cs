using System.Globalization;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Storage.Versions;

namespace CiteGraph.Graph.Neo4j;

/// <summary>
/// Versions on Neo4j (issue 21), the part it records so far: a <c>:Version</c> node per load or ingest run (number, kind,
/// at, finishedAt, summary), made by the run's first write (<c>open-version</c>) and finished by
/// <see cref="CompleteRunAsync"/> (<c>complete-version</c>), and on each CITES the version that created it. So
/// <c>versions</c> and <c>version(id)</c> are answered here. The change feed and answers as of a version need what the
/// SQLite store keeps in its event log (papers added and merged, old field values, removed citations) and the Neo4j write
/// path does not record yet: asking for them is a <see cref="StoreCannotAnswerException"/> that says so.
/// </summary>
public sealed partial class Neo4jGraphStore
{
    /// <summary>What <see cref="StoreCannotAnswerException"/> says for the parts not recorded on Neo4j yet.</summary>
    public const string NotRecordedYet =
        "The Neo4j store records versions (versions, version(id)) but not yet the change feed nor the graph as of a version " +
        "(changes, paper(asOf:), ranking(asOf:)); use the SQLite store for those.";

    /// <inheritdoc />
    public bool KeepsVersions => true;

    /// <inheritdoc />
    public async Task<GraphVersion> CompleteRunAsync(VersionRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A run that wrote nothing is still a version, an empty one.
            var number = run.Number != 0 ? run.Number : await OpenVersionCoreAsync(run, cancellationToken).ConfigureAwait(false);
            var finished = await InWriteTransactionAsync(
                async (tx, ct) => await tx.RunAsync(
                    CypherStatements.Get("complete-version"), Parameters(("number", number), ("at", Invariant(DateTimeOffset.UtcNow))), ct).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
            return finished.Rows.Count == 0
                ? throw new GraphStoreException($"Version {number} is not in the Neo4j store (was the database emptied during the run?).")
                : ReadVersion(finished.Rows[0]);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<GraphVersion>> ReadVersionsAsync(long after, int first, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        var result = await RunAsync("versions", cancellationToken, ("after", after), ("first", first)).ConfigureAwait(false);
        return [.. result.Rows.Select(ReadVersion)];
    }

    /// <inheritdoc />
    public async Task<GraphVersion?> FindVersionAsync(long number, CancellationToken cancellationToken = default)
    {
        var result = await RunAsync("version-by-number", cancellationToken, ("number", number)).ConfigureAwait(false);
        return result.Rows.Count == 0 ? null : ReadVersion(result.Rows[0]);
    }

    /// <inheritdoc />
    public Task<ChangePage> ReadChangesAsync(long sinceVersion, ChangeCursor after, int first, CancellationToken cancellationToken = default) =>
        throw new StoreCannotAnswerException(NotRecordedYet);

    /// <inheritdoc />
    public Task<Paper?> FindPaperAsOfAsync(string id, long version, CancellationToken cancellationToken = default) =>
        throw new StoreCannotAnswerException(NotRecordedYet);

    /// <inheritdoc />
    public Task<IReadOnlyList<RankedPaper>> RankAsOfAsync(RankingMetric metric, int first, PaperFilter filter, long version, CancellationToken cancellationToken = default) =>
        throw new StoreCannotAnswerException(NotRecordedYet);

    /// <summary>
    /// The version the writes about to be made belong to: the ambient run's, made now by its first write (in a transaction of
    /// its own, so the number is known to the batch that stamps it); null outside a run. Call under the write lock.
    /// </summary>
    private async Task<long?> OpenVersionAsync(CancellationToken cancellationToken) =>
        VersionRun.Current is not { } run ? null
        : run.Number != 0 ? run.Number
        : await OpenVersionCoreAsync(run, cancellationToken).ConfigureAwait(false);

    private async Task<long> OpenVersionCoreAsync(VersionRun run, CancellationToken cancellationToken)
    {
        var opened = await InWriteTransactionAsync(
            async (tx, ct) => await tx.RunAsync(
                CypherStatements.Get("open-version"), Parameters(("kind", run.Kind.ToString().ToUpperInvariant()), ("at", Invariant(run.StartedAt))), ct).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        var number = opened.Rows.Count == 1
            ? opened.Rows[0].GetInt64("number")
            : throw new GraphStoreException("Neo4j answered open-version without the new version's number.");
        run.Assign(number);
        return number;
    }

    private static GraphVersion ReadVersion(Neo4jRow row) => new(
        row.GetInt64("number"),
        Enum.Parse<VersionKind>(row.GetString("kind"), ignoreCase: true),
        DateTimeOffset.Parse(row.GetString("at"), CultureInfo.InvariantCulture),
        row.GetStringOrNull("finishedAt") is { } finished ? DateTimeOffset.Parse(finished, CultureInfo.InvariantCulture) : null,
        new VersionSummary(PapersAdded: 0, PapersMerged: 0, FieldsChanged: 0, CitationsAdded: row.GetInt32("citationsAdded"), CitationsRemoved: 0));
}
