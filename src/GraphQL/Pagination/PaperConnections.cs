using CiteGraph.Graph.Model;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;
using CiteGraph.GraphQL.Errors;
using GraphQL;
using GraphQL.Types.Relay.DataObjects;

namespace CiteGraph.GraphQL.Pagination;

/// <summary>Resolves a Relay connection of papers from <c>first</c>/<c>after</c> and a filter.</summary>
internal static class PaperConnections
{
    /// <summary>
    /// The page the arguments ask for. The total is counted only when <c>totalCount</c> is selected, and an unfiltered
    /// total comes from the counts read with the snapshot (<paramref name="snapshots"/>), not from a scan.
    /// </summary>
    public static async Task<Connection<Paper>> ResolveAsync(IGraphStore store, IResolveFieldContext ctx, PaperFilter baseFilter, SnapshotHolder? snapshots = null)
    {
        var first = Arguments.PageSize(ctx);
        var order = ctx.HasArgument("orderBy") ? ctx.GetArgument<PaperOrder>("orderBy") : PaperOrder.LoadOrder;
        var (after, afterKey) = Cursor.Decode(ctx.GetArgument<string?>("after"), order);
        var filter = ctx.HasArgument("filter") ? Arguments.Filter(ctx) with { Community = baseFilter.Community } : baseFilter;
        var wantsTotal = ctx.SubFields is null || ctx.SubFields.Values.Any(f => f.Field.Name.Value == "totalCount");
        var countedBySnapshot = snapshots is not null && filter == new PaperFilter() && snapshots.State.StoreVersion is not null;
        var page = await store.QueryPapersAsync(
            new PaperQuery(filter, first, after) { Order = order, AfterKey = afterKey, CountTotal = wantsTotal && !countedBySnapshot },
            ctx.CancellationToken);
        var edges = page.Items.Select((item, i) => new Edge<Paper>
        {
            Cursor = page.SortKeys is { } keys ? Cursor.Encode(item.Position, order, keys[i]) : Cursor.Encode(item.Position),
            Node = item.Paper,
        }).ToList();
        return new Connection<Paper>
        {
            Edges = edges,
            TotalCount = wantsTotal && countedBySnapshot ? snapshots!.State.Stats.Papers : page.TotalCount,
            PageInfo = new PageInfo
            {
                HasNextPage = page.HasNextPage,
                HasPreviousPage = after is not null,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
        };
    }
}
