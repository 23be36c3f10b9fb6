using CiteGraph.Graph.Model;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Traversal;
using CiteGraph.GraphQL.Errors;
using CiteGraph.GraphQL.Pagination;
using CiteGraph.GraphQL.Semantic;
using CiteGraph.GraphQL.Types;
using CiteGraph.GraphQL.Validation;
using CiteGraph.GraphQL.Views;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay.DataObjects;

namespace CiteGraph.GraphQL;

public sealed partial class CiteGraphQuery
{
    /// <summary>lineage, connect, related and subgraph: answered from the in-memory snapshot.</summary>
    private void AddTraversalFields(IGraphStore store, SnapshotHolder snapshots, SemanticIndexHolder semantic)
    {
        Field<NonNullGraphType<LineageType>>("lineage")
            .Description("What a paper builds on (ANCESTORS) or what built on it (DESCENDANTS), generation by generation; pages with first/after (Relay cursors on the nodes, pageInfo).")
            .Argument<NonNullGraphType<IdGraphType>>("paperId")
            .Argument<DirectionType>("direction", a => a.DefaultValue = LineageDirection.Ancestors)
            .Argument<IntGraphType>("maxDepth", a => a.DefaultValue = 3)
            .Argument<ListGraphType<NonNullGraphType<CitationKindType>>>("kinds", "Citation kinds to follow; both by default.")
            .Argument<FloatGraphType>("minConfidence", a => a.DefaultValue = 0.0)
            .Argument<IntGraphType>("first", a => a.DefaultValue = 200)
            .Argument<StringGraphType>("after", "A node's cursor (or pageInfo.endCursor): the page starts after that node.")
            .ResolveAsync(async ctx =>
            {
                var args = ArgumentValidation.Lineage.Check(new LineageArguments(
                    ctx.GetArgument<string>("paperId"), ctx.GetArgument<int>("maxDepth"), ctx.GetArgument<double>("minConfidence"), ctx.GetArgument<int>("first")));
                var offset = (int)Math.Min(Cursor.Decode(ctx.GetArgument<string?>("after")) ?? 0, int.MaxValue);
                if (offset + args.First > TraversalLimits.MaxLineagePosition)
                {
                    throw new InvalidArgumentError("after", $"reaches past the {TraversalLimits.MaxLineagePosition:N0}th paper of the lineage; narrow it with maxDepth, kinds or minConfidence.");
                }

                var snapshot = snapshots.Current;
                var (root, rootPaper) = await SnapshotPapers.ResolveAsync(store, snapshot, "paperId", args.PaperId, ctx.CancellationToken);
                var kinds = ctx.GetArgument<List<CitationKind>?>("kinds")?.Select(k => k == CitationKind.Explicit ? EdgeKinds.Cites : EdgeKinds.CitesInferred);
                var filter = new EdgeFilter(EdgeKindType.Combine(kinds, EdgeKinds.Citations), args.MinConfidence);
                // The walk is breadth-first and stops adding at its limit, so a longer walk's order starts with a shorter
                // one's: a page is the walk up to its end, less what earlier pages had.
                var result = Lineage.Compute(snapshot, root, ctx.GetArgument<LineageDirection>("direction"), args.MaxDepth, filter, offset + args.First);
                var page = LineagePage.Of(result, offset);
                var papers = await SnapshotPapers.LoadAsync(store, snapshot, page.Nodes.Select(n => n.Node.Paper), ctx.CancellationToken);
                return new LineageView(
                    rootPaper,
                    page.Nodes.Where(n => papers.ContainsKey(n.Node.Paper))
                        .Select(n => new LineageNodeView(papers[n.Node.Paper], n.Node.Depth, Cursor.Encode(n.Position + 1))).ToList(),
                    page.Edges.Select(e => SnapshotPapers.Edge(snapshot, e)).ToList(),
                    result.Truncated,
                    new PageInfo
                    {
                        HasNextPage = result.Truncated,
                        HasPreviousPage = offset > 0,
                        StartCursor = page.Nodes.Count > 0 ? Cursor.Encode(page.Nodes[0].Position + 1) : null,
                        EndCursor = page.Nodes.Count > 0 ? Cursor.Encode(page.Nodes[^1].Position + 1) : ctx.GetArgument<string?>("after"),
                    });
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathType>>>>("connect")
            .Description("How two papers are connected: the shortest path and the next shortest loopless ones, over citations in either direction and shared repositories.")
            .Argument<NonNullGraphType<IdGraphType>>("from")
            .Argument<NonNullGraphType<IdGraphType>>("to")
            .Argument<IntGraphType>("maxLength", a => a.DefaultValue = 6)
            .Argument<ListGraphType<NonNullGraphType<EdgeKindType>>>("kinds", "Edge kinds to follow; all by default.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 3)
            .ResolveAsync(async ctx =>
            {
                var args = ArgumentValidation.Connect.Check(new ConnectArguments(
                    ctx.GetArgument<string>("from"), ctx.GetArgument<string>("to"), ctx.GetArgument<int>("maxLength"), ctx.GetArgument<int>("first")));
                var snapshot = snapshots.Current;
                var (from, _) = await SnapshotPapers.ResolveAsync(store, snapshot, "from", args.From, ctx.CancellationToken);
                var (to, _) = await SnapshotPapers.ResolveAsync(store, snapshot, "to", args.To, ctx.CancellationToken);
                var filter = new EdgeFilter(EdgeKindType.Combine(ctx.GetArgument<List<EdgeKinds>?>("kinds"), EdgeKinds.All));
                var paths = PathFinder.Connect(snapshot, from, to, args.MaxLength, filter, args.First);
                var papers = await SnapshotPapers.LoadAsync(store, snapshot, paths.SelectMany(p => p.Nodes), ctx.CancellationToken);
                // One evidence read for the co-topic hops of every path.
                var edges = await SnapshotPapers.EdgesAsync(store, snapshot, paths.SelectMany(p => p.Edges), ctx.CancellationToken);
                var views = new List<PathView>(paths.Count);
                var at = 0;
                foreach (var p in paths)
                {
                    views.Add(new PathView(p.Length, p.Nodes.Where(papers.ContainsKey).Select(n => papers[n]).ToList(), edges.Skip(at).Take(p.Edges.Count).ToList()));
                    at += p.Edges.Count;
                }

                return views;
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelatedPaperType>>>>("related")
            .Description(
                "Papers related to one paper (paperId) or to several (paperIds), best first, each with its score and the reasons behind it. " +
                "With several seeds or negative papers, papers near all the seeds rank first and papers near the negative ones sink or drop out; " +
                "each reason names its seed.")
            .Argument<IdGraphType>("paperId", "The one paper to start from (or give paperIds).")
            .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("paperIds", $"Several papers to start from (1-{TraversalLimits.MaxRelatedSeeds}), instead of paperId.")
            .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("negative", $"Papers whose neighbours to move away from (at most {TraversalLimits.MaxRelatedSeeds}).")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 10)
            .Argument<ListGraphType<NonNullGraphType<RelatednessType>>>("by", "Measures to combine; all by default (SEMANTIC counts where sentence embeddings are stored).")
            // Every seed computes its own related list, SeedDepth papers deep, each loaded: a quarter point per paper, so the
            // estimate grows with the seeds as the work does (1 seed, first 10: 25; 20 seeds, first 100: 1,500).
            .WithComplexityImpact(ctx =>
            {
                var seeds = Math.Max(1, Count(ctx, "paperIds") + Count(ctx, "negative"));
                var first = ctx.Arguments?.TryGetValue("first", out var f) == true && f.Value is int n ? Math.Max(1, n) : 10;
                return new global::GraphQL.Validation.Complexity.FieldComplexityResult(seeds * SeedDepth(first) / 4.0, first);
            })
            .ResolveAsync(async ctx =>
            {
                var args = ArgumentValidation.RelatedSeeds.Check(new RelatedSeedsArguments(
                    ctx.GetArgument<string?>("paperId"), ctx.GetArgument<List<string>?>("paperIds"), ctx.GetArgument<List<string>?>("negative"), ctx.GetArgument<int>("first")));
                var by = ctx.GetArgument<List<RelatedBy>?>("by")?.Aggregate(RelatedBy.None, (a, b) => a | b) is { } chosen && chosen != RelatedBy.None
                    ? chosen
                    : RelatedBy.All;
                // The suggestion-only reasons share the enum (they label suggestedReferences' reasons) but measure nothing
                // here: refuse them rather than answer an empty list.
                if ((by & ~RelatedBy.All) != 0)
                {
                    throw new InvalidArgumentError(
                        "by",
                        "KEY_TERMS, CITED_BY_SIMILAR, POPULARITY, DIRECT_CITATION, RECENCY, TERM_ASSOCIATION and CITATION_SEMANTIC are reasons of suggestedReferences; related measures " +
                        "CO_CITATION, BIBLIOGRAPHIC_COUPLING, SHARED_REPO, PERSONALIZED_PAGERANK, CO_TOPIC and SEMANTIC.");
                }

                var snapshot = snapshots.Current;
                var vectors = (by & RelatedBy.Semantic) != 0 ? await semantic.GetAsync(ctx.CancellationToken) : null;
                var positive = await ResolveSeedsAsync(store, snapshot, args.PaperIds is null ? "paperId" : "paperIds", args.Positive, ctx.CancellationToken);
                var negative = await ResolveSeedsAsync(store, snapshot, "negative", args.Negative ?? [], ctx.CancellationToken);
                if (negative.Where(positive.Contains).Select(snapshot.PaperId).FirstOrDefault() is { } both)
                {
                    throw new InvalidArgumentError("negative", $"{both} is also one of the papers to start from.");
                }

                if (positive.Count == 1 && negative.Count == 0)
                {
                    var related = await RelatedToAsync(store, snapshot, vectors, positive[0], by, args.First, ctx.CancellationToken);
                    return related.Select(r => r with { Reasons = [.. r.Reasons.Select(x => x with { Seed = snapshot.PaperId(positive[0]) })] }).ToList();
                }

                var depth = SeedDepth(args.First);
                var lists = new List<SeedRelated>();
                foreach (var (seed, isNegative) in positive.Select(p => (p, false)).Concat(negative.Select(n => (n, true))))
                {
                    lists.Add(new SeedRelated(snapshot.PaperId(seed), isNegative, await RelatedToAsync(store, snapshot, vectors, seed, by, depth, ctx.CancellationToken)));
                }

                return SeedCombination.Combine(lists, args.First);
            });

        Field<NonNullGraphType<SubgraphType>>("subgraph")
            .Description("The papers within a radius of some seeds and the edges among them, in Cytoscape.js element shape, for drawing.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("seeds")
            .Argument<IntGraphType>("radius", a => a.DefaultValue = 1)
            .Argument<IntGraphType>("maxNodes", a => a.DefaultValue = 200)
            .Argument<ListGraphType<NonNullGraphType<EdgeKindType>>>("kinds", "Edge kinds to follow and draw; all by default.")
            .ResolveAsync(async ctx =>
            {
                var args = ArgumentValidation.Subgraph.Check(new SubgraphArguments(
                    ctx.GetArgument<List<string>>("seeds"), ctx.GetArgument<int>("radius"), ctx.GetArgument<int>("maxNodes")));
                var snapshot = snapshots.Current;
                var seeds = new List<int>();
                foreach (var seed in args.Seeds)
                {
                    seeds.Add((await SnapshotPapers.ResolveAsync(store, snapshot, "seeds", seed, ctx.CancellationToken)).Index);
                }

                var filter = new EdgeFilter(EdgeKindType.Combine(ctx.GetArgument<List<EdgeKinds>?>("kinds"), EdgeKinds.All));
                var result = Graph.Traversal.Subgraph.Compute(snapshot, seeds, args.Radius, args.MaxNodes, filter, TraversalLimits.MaxSubgraphEdges);
                var papers = await SnapshotPapers.LoadAsync(store, snapshot, result.Nodes, ctx.CancellationToken);
                var nodes = result.Nodes.Where(papers.ContainsKey).Select(n => new GraphNodeView(
                    snapshot.PaperId(n), papers[n].Title, papers[n].Year, papers[n].Community, papers[n].PageRank, result.Seeds.Contains(n), snapshot.IsStub(n), papers[n].Published)).ToList();
                return new SubgraphView(nodes, await SnapshotPapers.EdgesAsync(store, snapshot, result.Edges, ctx.CancellationToken), result.Truncated);
            });
    }

    /// <summary>
    /// How deep each seed's list is read when several seeds are combined: deeper than <c>first</c>, so that a paper near
    /// every seed but first on none of their lists is still seen, and a negative seed recognises its neighbours.
    /// </summary>
    private static int SeedDepth(int first) => Math.Clamp(3 * first, 100, 3 * TraversalLimits.MaxRelated);

    /// <summary>How many ids a list argument holds in this request (variables applied); 0 when it is absent or null.</summary>
    private static int Count(global::GraphQL.Validation.Complexity.FieldImpactContext context, string argument) =>
        context.Arguments?.TryGetValue(argument, out var value) == true && value.Value is System.Collections.IEnumerable list and not string
            ? list.Cast<object>().Count()
            : 0;

    private static async Task<List<int>> ResolveSeedsAsync(IGraphStore store, GraphSnapshot snapshot, string argument, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var seeds = new List<int>();
        foreach (var id in ids)
        {
            var (index, _) = await SnapshotPapers.ResolveAsync(store, snapshot, argument, id, cancellationToken);
            if (!seeds.Contains(index))
            {
                seeds.Add(index);
            }
        }

        return seeds;
    }

    /// <summary>The papers related to one paper by the chosen measures, best first (the one-paper <c>related</c>).</summary>
    private static async Task<IReadOnlyList<RelatedPaperView>> RelatedToAsync(
        IGraphStore store, GraphSnapshot snapshot, Embeddings.VectorIndex? vectors, int paper, RelatedBy by, int first, CancellationToken cancellationToken)
    {
        // Ask each measure for more than 'first': combining them can reorder the list.
        var related = Relatedness.Compute(snapshot, paper, by & ~(RelatedBy.CoTopic | RelatedBy.Semantic), first * 2);
        var papers = await SnapshotPapers.LoadAsync(store, snapshot, related.Select(r => r.Paper), cancellationToken);
        var views = related.Where(r => papers.ContainsKey(r.Paper)).Select(r => new RelatedPaperView(papers[r.Paper], r.Score, r.Reasons)).ToList();
        var coTopic = (by & RelatedBy.CoTopic) != 0
            ? await store.GetCoTopicPapersAsync(snapshot.PaperId(paper), first * 2, cancellationToken)
            : [];
        var similar = vectors is not null
            ? await RelatedViews.SemanticAsync(store, vectors, snapshot.PaperId(paper), first * 2, only: by == RelatedBy.Semantic, cancellationToken)
            : [];
        return RelatedViews.Combine(views, coTopic, similar, first);
    }
}
