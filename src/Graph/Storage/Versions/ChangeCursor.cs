namespace CiteGraph.Graph.Storage.Versions;

/// <summary>
/// A place in the change feed: the write transaction (batch) an event committed in, and the event's
/// <see cref="ChangeEvent.Sequence"/> inside it. The feed is ordered by batch, which is commit order: a batch is visible
/// whole or not at all and every later batch commits after it, so a reader that resumes after a cursor gets each event that
/// ever commits exactly once, however many writers are running. <see cref="Batch"/> 0: a cursor from before batches were
/// recorded (a sequence alone), placed by the store where that sequence is.
/// </summary>
public readonly record struct ChangeCursor(long Batch, long Sequence)
{
    /// <summary>Before the first event.</summary>
    public static ChangeCursor Start => default;
}
