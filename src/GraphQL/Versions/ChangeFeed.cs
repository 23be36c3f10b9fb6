using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Storage.Versions;

namespace CiteGraph.GraphQL.Versions;

/// <summary>
/// The change feed as the API serves it (queries and live subscriptions): the store's events in commit order, community
/// events included (an analyze run writes them under its version, in its transaction).
/// </summary>
public sealed class ChangeFeed(IGraphStore store)
{
    /// <summary>Events of versions after <paramref name="since"/>, after the event at <paramref name="after"/>, at most <paramref name="first"/>.</summary>
    public Task<ChangePage> ReadAsync(long since, ChangeCursor after, int first, CancellationToken ct) => store.ReadChangesAsync(since, after, first, ct);
}
