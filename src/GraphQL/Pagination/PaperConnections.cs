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
        var after = Cursor.Decode(ctx.GetArgument<string?>("after"));
        var filter = ctx.HasArgument("filter") ? Arguments.Filter(ctx) with { Community = baseFilter.Community } : baseFilter;
        var page = await store.QueryPapersAsync(new PaperQuery(filter, first, after), ctx.CancellationToken);
        var edges = page.Items.Select(i => new Edge<Paper> { Cursor = Cursor.Encode(i.Position), Node = i.Paper }).ToList();
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
