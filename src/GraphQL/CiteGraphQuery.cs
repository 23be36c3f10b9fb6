using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.GraphQL.Errors;
using CiteGraph.GraphQL.Pagination;
using CiteGraph.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay.DataObjects;

namespace CiteGraph.GraphQL;

/// <summary>The root query: papers by id, filtered pages of papers, search, repositories and counts.</summary>
public sealed class CiteGraphQuery : ObjectGraphType
{
    public CiteGraphQuery(IGraphStore store)
    {
        Name = "Query";

        Field<PaperType>("paper")
            .Description("A paper by CiteGraph id or by external id (arXiv id, DOI, OpenAlex or S2 id); null when unknown.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                var id = Arguments.Text(ctx, "id");
                return await store.FindPaperAsync(id, ctx.CancellationToken);
            });

        Field<NonNullGraphType<PaperConnectionType>>("papers")
            .Description("Papers matching a filter, in load order, as a Relay connection.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 20)
            .Argument<StringGraphType>("after")
            .Argument<PaperFilterInputType>("filter")
            .ResolveAsync(async ctx => await PapersAsync(store, ctx));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SearchHitType>>>>("search")
            .Description("Full-text search over title and abstract, best first. Operators are not interpreted: every word must match.")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 10)
            .ResolveAsync(async ctx =>
            {
                var text = Arguments.Text(ctx, "text");
                var first = Arguments.PageSize(ctx);
                return await store.SearchAsync(text, first, ctx.CancellationToken);
            });

        Field<RepoType>("repo")
            .Description("A repository by URL, in any form a paper might write it (deep link, .git, trailing punctuation).")
            .Argument<NonNullGraphType<StringGraphType>>("url")
            .ResolveAsync(async ctx =>
            {
                var url = Arguments.Text(ctx, "url");
                var repo = RepoUrl.TryParse(url)
                    ?? throw new InvalidArgumentError("url", "is not a repository URL on github.com, gitlab.com or bitbucket.org.");
                return await store.FindRepoAsync(repo.Url, ctx.CancellationToken);
            });

        Field<NonNullGraphType<StatsType>>("stats")
            .Description("Counts of the graph.")
            .ResolveAsync(async ctx => await store.GetStatsAsync(ctx.CancellationToken));
    }

    private static async Task<object?> PapersAsync(IGraphStore store, IResolveFieldContext ctx)
    {
        var first = Arguments.PageSize(ctx);
        var after = Cursor.Decode(ctx.GetArgument<string?>("after"));
        var filter = ctx.GetArgument<PaperFilter?>("filter") ?? new PaperFilter();
        if (filter.Text is { Length: > Arguments.MaxTextLength })
        {
            throw new InvalidArgumentError("filter.text", $"at most {Arguments.MaxTextLength} characters.");
        }

        if (filter is { YearFrom: { } from, YearTo: { } to } && from > to)
        {
            throw new InvalidArgumentError("filter", $"yearFrom ({from}) is after yearTo ({to}).");
        }

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
