using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.GraphQL.Errors;
using GraphQL;
using GraphQL.Types.Relay.DataObjects;

namespace CiteGraph.GraphQL.Pagination;

/// <summary>Resolves a Relay connection of papers from <c>first</c>/<c>after</c> and a filter.</summary>
internal static class PaperConnections
{
    public static async Task<Connection<Paper>> ResolveAsync(IGraphStore store, IResolveFieldContext ctx, PaperFilter baseFilter)
    {
        var first = Arguments.PageSize(ctx);
        var order = ctx.HasArgument("orderBy") ? ctx.GetArgument<PaperOrder>("orderBy") : PaperOrder.LoadOrder;
        var (after, afterKey) = Cursor.Decode(ctx.GetArgument<string?>("after"), order);
        var filter = ctx.HasArgument("filter") ? Arguments.Filter(ctx) with { Community = baseFilter.Community } : baseFilter;
        var page = await store.QueryPapersAsync(new PaperQuery(filter, first, after) { Order = order, AfterKey = afterKey }, ctx.CancellationToken);
        var edges = page.Items.Select((item, i) => new Edge<Paper>
        {
            Cursor = page.SortKeys is { } keys ? Cursor.Encode(item.Position, order, keys[i]) : Cursor.Encode(item.Position),
            Node = item.Paper,
        }).ToList();
        return new Connection<Paper>
        {
            Edges = edges,
            TotalCount = page.TotalCount,
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
