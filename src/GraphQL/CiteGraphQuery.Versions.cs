using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Storage.Versions;
using CiteGraph.GraphQL.Errors;
using CiteGraph.GraphQL.Pagination;
using CiteGraph.GraphQL.Versions;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay.DataObjects;

namespace CiteGraph.GraphQL;

public sealed partial class CiteGraphQuery
{
    /// <summary><c>versions</c>, <c>version(id)</c> and <c>changes(since:)</c>: the graph's history (issue 21).</summary>
    private void AddVersionFields(IGraphStore store, ChangeFeed feed)
    {
        Field<NonNullGraphType<VersionConnectionType>>("versions")
            .Description("Versions of the graph, oldest first: every load, ingest, derive and analyze run.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 20)
            .Argument<StringGraphType>("after")
            .ResolveAsync(async ctx =>
            {
                var first = Arguments.PageSize(ctx);
                var after = Cursor.Decode(ctx.GetArgument<string?>("after")) ?? 0;
                var page = await store.ReadVersionsAsync(after, first + 1, ctx.CancellationToken);
                var items = page.Take(first).ToList();
                return new Connection<GraphVersion>
                {
                    Edges = items.Select(v => new Edge<GraphVersion> { Cursor = Cursor.Encode(v.Number), Node = v }).ToList(),
                    PageInfo = new PageInfo
                    {
                        HasNextPage = page.Count > first,
                        HasPreviousPage = after > 0,
                        StartCursor = items.Count > 0 ? Cursor.Encode(items[0].Number) : null,
                        EndCursor = items.Count > 0 ? Cursor.Encode(items[^1].Number) : null,
                    },
                };
            });

        Field<VersionType>("version")
            .Description("A version by id (v3); null when the store has no such version.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => await store.FindVersionAsync(VersionIds.Parse("id", ctx.GetArgument<string>("id")), ctx.CancellationToken));

        Field<NonNullGraphType<ChangeConnectionType>>("changes")
            .Description("What changed after a version (v0: from the start), in commit order, as typed events; cursors are opaque and stable.")
            .Argument<NonNullGraphType<IdGraphType>>("since")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 100)
            .Argument<StringGraphType>("after")
            .ResolveAsync(async ctx =>
            {
                var first = Arguments.PageSize(ctx);
                var since = await VersionIds.RequireAsync(store, "since", ctx.GetArgument<string>("since"), ctx.CancellationToken);
                var after = Cursor.DecodeChange(ctx.GetArgument<string?>("after"));
                var page = await feed.ReadAsync(since, after, first, ctx.CancellationToken);
                return new Connection<ChangeEvent>
                {
                    Edges = page.Events.Select(e => new Edge<ChangeEvent> { Cursor = Cursor.Encode(e.Cursor), Node = e }).ToList(),
                    PageInfo = new PageInfo
                    {
                        HasNextPage = page.HasNextPage,
                        HasPreviousPage = after != ChangeCursor.Start,
                        StartCursor = page.Events.Count > 0 ? Cursor.Encode(page.Events[0].Cursor) : null,
                        EndCursor = page.Events.Count > 0 ? Cursor.Encode(page.Events[^1].Cursor) : null,
                    },
                };
            });
    }
}
