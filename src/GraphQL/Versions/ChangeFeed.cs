using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Storage.Versions;

namespace CiteGraph.GraphQL.Versions;

/// <summary>
/// The change feed as the API serves it: the store's events, and community events when an <see cref="ICommunityChangeReader"/>
/// is registered (the seam stable community ids plug into), merged in sequence order.
/// </summary>
public sealed class ChangeFeed(IGraphStore store, ICommunityChangeReader? communities = null)
{
    /// <summary>Events of versions after <paramref name="since"/>, after sequence <paramref name="after"/>, at most <paramref name="first"/>.</summary>
    public async Task<ChangePage> ReadAsync(long since, long after, int first, CancellationToken ct)
    {
        var page = await store.ReadChangesAsync(since, after, first, ct).ConfigureAwait(false);
        if (communities is null)
        {
            return page;
        }

        var extra = await communities.ReadCommunityChangesAsync(since, after, first, ct).ConfigureAwait(false);
        var merged = page.Events.Concat(extra).OrderBy(e => e.Sequence).ToList();
        return new ChangePage(merged.Take(first).ToList(), page.HasNextPage || merged.Count > first);
    }
}
