namespace CiteGraph.Graph.Storage.Versions;

/// <summary>
/// The seam where community events (<see cref="ChangeKind.CommunityEvent"/>: born, grew, shrank, merged, split, died) join the
/// change feed. The stable-communities work implements it over its own tables; the feed merges its events with the store's
/// by <see cref="ChangeEvent.Sequence"/> order within each version. Until one is registered the feed has no community events.
/// </summary>
public interface ICommunityChangeReader
{
    /// <summary>Community events of versions after <paramref name="sinceVersion"/>, after <paramref name="afterSequence"/>, in order, at most <paramref name="first"/>.</summary>
    Task<IReadOnlyList<ChangeEvent>> ReadCommunityChangesAsync(long sinceVersion, long afterSequence, int first, CancellationToken cancellationToken = default);
}
