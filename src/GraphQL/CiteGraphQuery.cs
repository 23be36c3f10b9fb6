using CiteGraph.Graph.Model;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;
using CiteGraph.GraphQL.Batching;
using CiteGraph.Graph.Suggest;
using CiteGraph.GraphQL.Errors;
using CiteGraph.GraphQL.Pagination;
using CiteGraph.GraphQL.Semantic;
using CiteGraph.GraphQL.Types;
using CiteGraph.GraphQL.Views;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay.DataObjects;

namespace CiteGraph.GraphQL;

/// <summary>The root query: papers by id, filtered pages of papers, search, repositories and counts.</summary>
public sealed partial class CiteGraphQuery : ObjectGraphType
{
    public CiteGraphQuery(IGraphStore store, SnapshotHolder snapshots, PaperSearch search, SemanticIndexHolder semantic, SuggestionService suggestions, Mutations.IngestJobs jobs, Versions.ChangeFeed feed)
    {
        Name = "Query";

        Field<PaperType>("paper")
            .Description("A paper by CiteGraph id or by external id (arXiv id, DOI, OpenAlex or S2 id); null when unknown.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<IdGraphType>("asOf", a => a.Description = "A version id (v3): the paper's fields and analytics as they were then; null when it did not exist yet.")
            .ResolveAsync(async ctx =>
            {
                var id = Arguments.Text(ctx, "id");
                if (ctx.GetArgument<string?>("asOf") is { } asOf)
                {
                    var version = await Versions.VersionIds.RequireAsync(store, "asOf", asOf, ctx.CancellationToken);
                    return await store.FindPaperAsOfAsync(id, version, ctx.CancellationToken);
                }

                return await store.FindPaperAsync(id, ctx.CancellationToken);
            });

        Field<NonNullGraphType<PaperConnectionType>>("papers")
            .Description("Papers matching a filter, in the order asked for (load order by default), as a Relay connection with stable cursors.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 20)
            .Argument<StringGraphType>("after")
            .Argument<PaperFilterInputType>("filter")
            .Argument<PaperOrderType>("orderBy", a => a.DefaultValue = PaperOrder.LoadOrder)
            .ResolveAsync(async ctx => await PaperConnections.ResolveAsync(store, ctx, ctx.GetArgument<PaperFilter?>("filter") ?? new PaperFilter(), snapshots));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SearchHitType>>>>("search")
            .Description(
                "Search over title and abstract, best first: by words (KEYWORD; operators are not interpreted, every word must match), " +
                "by meaning (SEMANTIC, sentence embeddings) or both fused by reciprocal rank (HYBRID, the default).")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 10)
            .Argument<SearchModeType>("mode", a => a.DefaultValue = SearchMode.Hybrid)
            .ResolveAsync(async ctx =>
            {
                var text = Arguments.Text(ctx, "text");
                var first = Arguments.PageSize(ctx);
                var mode = ctx.GetArgument("mode", SearchMode.Hybrid);
                // The same searches come back often; an answer is kept as long as the snapshot it was given under.
                var cache = SnapshotCaches.Of(snapshots.Current);
                var key = (text, first, mode);
                if (cache.TryGetSearch(key, out IReadOnlyList<SearchHit> hits))
                {
                    return hits;
                }

                try
                {
                    hits = await search.SearchAsync(text, first, mode, ctx.CancellationToken);
                    cache.AddSearch(key, hits);
                    return hits;
                }
                catch (SemanticUnavailableException e)
                {
                    throw new ExecutionError(e.Message) { Code = ErrorCodes.SemanticUnavailable };
                }
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

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RankedPaperType>>>>("ranking")
            .Description("The top papers by a metric from the last analytics run (or by citation count), best first.")
            .Argument<NonNullGraphType<RankingMetricType>>("metric")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 20)
            .Argument<PaperFilterInputType>("filter")
            .Argument<IdGraphType>("asOf", a => a.Description = "A version id (v3): the ranking as it was then (the last analyze run at or before it; citations that existed then).")
            .ResolveAsync(async ctx =>
            {
                var first = Arguments.PageSize(ctx);
                var filter = Arguments.Filter(ctx);
                if (ctx.GetArgument<string?>("asOf") is { } asOf)
                {
                    var version = await Versions.VersionIds.RequireAsync(store, "asOf", asOf, ctx.CancellationToken);
                    // The snapshot's in-degrees are the counts at the version it shows: a version after the last analyze run
                    // is answered from them backwards, by what changed since, instead of from the run forwards.
                    return await store.RankAsOfAsync(
                        ctx.GetArgument<RankingMetric>("metric"), first, filter, version, CitationCountsAt.Of(snapshots.Current), ctx.CancellationToken);
                }

                var metric = ctx.GetArgument<RankingMetric>("metric");
                if (metric == RankingMetric.Citations)
                {
                    // Citations now: the serving snapshot's in-degrees, one pass instead of a grouped count over every row.
                    var snapshot = snapshots.Current;
                    if (SnapshotCitationRanking.TryRank(snapshot, filter, first) is { } top)
                    {
                        var papers = await SnapshotPapers.LoadAsync(store, snapshot, top.Select(t => t.Paper), ctx.CancellationToken);
                        return top.Where(t => papers.ContainsKey(t.Paper))
                            .Select((t, i) => new RankedPaper(i + 1, papers[t.Paper], t.Citations)).ToList();
                    }
                }

                return await store.RankAsync(metric, first, filter, ctx.CancellationToken);
            });

        Field<NonNullGraphType<CommunityConnectionType>>("communities")
            .Description("Communities from the last analytics run at one hierarchy level, largest first: level 0 the coarsest (fields), " +
                "each further level splitting them (subfields).")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 20)
            .Argument<StringGraphType>("after")
            .Argument<IntGraphType>("level", a => a.DefaultValue = 0)
            .ResolveAsync(async ctx =>
            {
                var first = Arguments.PageSize(ctx);
                var after = (int)(Cursor.Decode(ctx.GetArgument<string?>("after")) ?? 0);
                var (items, total) = await store.GetCommunitiesAsync(first, after, ctx.GetArgument("level", 0), ctx.CancellationToken);
                var edges = items.Select((c, i) => new Edge<Community> { Cursor = Cursor.Encode(after + i + 1), Node = c }).ToList();
                return new Connection<Community>
                {
                    Edges = edges,
                    TotalCount = total,
                    PageInfo = new PageInfo
                    {
                        HasNextPage = after + items.Count < total,
                        HasPreviousPage = after > 0,
                        StartCursor = edges.FirstOrDefault()?.Cursor,
                        EndCursor = edges.LastOrDefault()?.Cursor,
                    },
                };
            });

        Field<CommunityType>("community")
            .Description("A community by id; null when unknown.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => NodeInterface.ParseCommunityId(Arguments.Text(ctx, "id")) is { } id
                ? await store.GetCommunityAsync(id, ctx.CancellationToken)
                : null);

        Field<NodeInterface>("node")
            .Description("Any object by its global id (Relay): a paper (P… or an external id) or a community (C…).")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                var id = Arguments.Text(ctx, "id");
                if (id.StartsWith('C') && NodeInterface.ParseCommunityId(id) is { } community)
                {
                    return await store.GetCommunityAsync(community, ctx.CancellationToken);
                }

                return await store.FindPaperAsync(id, ctx.CancellationToken);
            });

        AddTraversalFields(store, snapshots, semantic);
        AddDidYouMeanFields(store, snapshots);
        AddSuggestedReferenceFields(store, snapshots, suggestions);
        AddJobFields(jobs);
        AddTimelineFields(store, snapshots);
        AddWorksFields(store, snapshots);
        AddVersionFields(store, feed);

        // Counted when the snapshot was built (at start, after each ingest or analytics run, and whenever the store was
        // seen changed): O(1) per request instead of a count of every table (issue 17, item 6).
        Field<NonNullGraphType<StatsType>>("stats")
            .Description("Counts of the graph.")
            .Resolve(_ => snapshots.State.Stats);

        Field<TopicType>("topic")
            .Description("A topic by canonical name, any alias (acronym, expansion, spelling variant, plural; case-insensitive) or id; null when unknown.")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .ResolveAsync(async ctx => await store.FindTopicAsync(Arguments.Text(ctx, "name"), ctx.CancellationToken));

        Field<NonNullGraphType<TopicConnectionType>>("topics")
            .Description("Topics, most papers first (or by name, or rising first with orderBy: GROWTH), as a Relay connection.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 20)
            .Argument<StringGraphType>("after")
            .Argument<TopicOrderType>("orderBy", a => a.DefaultValue = TopicOrder.Df)
            .ResolveAsync(async ctx =>
            {
                var first = Arguments.PageSize(ctx);
                var after = (int)(Cursor.Decode(ctx.GetArgument<string?>("after")) ?? 0);
                var page = await store.GetTopicsAsync(first, after, ctx.GetArgument("orderBy", TopicOrder.Df), ctx.CancellationToken);
                return Connections.Of(page, after);
            });
    }
}
