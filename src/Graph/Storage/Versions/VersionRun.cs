namespace CiteGraph.Graph.Storage.Versions;

/// <summary>
/// A run (load, ingest, derive, analyze) that makes one version of the graph. <see cref="Begin"/> makes it the ambient run of
/// the calling flow (an <see cref="AsyncLocal{T}"/>: the tasks the caller starts afterwards see it too), and every write
/// transaction a store commits meanwhile records its events under the run's version, in that same transaction. The version
/// row is created by the run's first write, so a run that dies before committing anything leaves no version; one killed
/// midway leaves a version whose summary counts what did commit. <see cref="IVersionLog.CompleteRunAsync"/> finishes it;
/// <see cref="Dispose"/> ends the ambient scope.
/// </summary>
public sealed class VersionRun : IDisposable
{
    private static readonly AsyncLocal<VersionRun?> Ambient = new();
    private readonly VersionRun? _previous;
    private long _number;

    private VersionRun(VersionKind kind, VersionRun? previous)
    {
        Kind = kind;
        StartedAt = DateTimeOffset.UtcNow;
        _previous = previous;
    }

    /// <summary>The run of the calling flow, or null outside any run (writes then make a version each, of their own kind).</summary>
    public static VersionRun? Current => Ambient.Value;

    /// <summary>What kind of run this is.</summary>
    public VersionKind Kind { get; }

    /// <summary>When the run began.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The version number, once a store has created the version (0 before).</summary>
    public long Number => Interlocked.Read(ref _number);

    /// <summary>Starts a run and makes it the ambient one. Call synchronously (not from inside a helper async method) so it flows on.</summary>
    public static VersionRun Begin(VersionKind kind)
    {
        var run = new VersionRun(kind, Ambient.Value);
        Ambient.Value = run;
        return run;
    }

    /// <summary>Records the number a store gave the version (by the first write transaction of the run).</summary>
    public void Assign(long number) => Interlocked.CompareExchange(ref _number, number, 0);

    /// <summary>Forgets the number when the transaction that created the version rolled back.</summary>
    public void Unassign(long number) => Interlocked.CompareExchange(ref _number, 0, number);

    /// <inheritdoc />
    public void Dispose()
    {
        if (ReferenceEquals(Ambient.Value, this))
        {
            Ambient.Value = _previous;
        }
    }
}
