using CiteGraph.Graph.Model;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Traversal;
using CiteGraph.GraphQL.Errors;
using CiteGraph.GraphQL.Semantic;
using CiteGraph.GraphQL.Types;
using CiteGraph.GraphQL.Validation;
using CiteGraph.GraphQL.Views;
using GraphQL;
using GraphQL.Types;

namespace CiteGraph.GraphQL;

public sealed partial class CiteGraphQuery
{
    /// <summary>lineage, connect, related and subgraph: answered from the in-memory snapshot.</summary>
    private void AddTraversalFields(IGraphStore store, SnapshotHolder snapshots, SemanticIndexHolder semantic)
    {
        Field<NonNullGraphType<LineageType>>("lineage")
            .Description("What a paper builds on (ANCESTORS) or what built on it (DESCENDANTS), generation by generation.")
            .Argument<NonNullGraphType<IdGraphType>>("paperId")
            .Argument<DirectionType>("direction", a => a.DefaultValue = LineageDirection.Ancestors)
            .Argument<IntGraphType>("maxDepth", a => a.DefaultValue = 3)
            .Argument<ListGraphType<NonNullGraphType<CitationKindType>>>("kinds", "Citation kinds to follow; both by default.")
            .Argument<FloatGraphType>("minConfidence", a => a.DefaultValue = 0.0)
            .Argument<IntGraphType>("first", a => a.DefaultValue = 200)
            .ResolveAsync(async ctx =>
            {
                var args = ArgumentValidation.Lineage.Check(new LineageArguments(
                    ctx.GetArgument<string>("paperId"), ctx.GetArgument<int>("maxDepth"), ctx.GetArgument<double>("minConfidence"), ctx.GetArgument<int>("first")));
                var snapshot = snapshots.Current;
                var (root, rootPaper) = await SnapshotPapers.ResolveAsync(store, snapshot, "paperId", args.PaperId, ctx.CancellationToken);
                var kinds = ctx.GetArgument<List<CitationKind>?>("kinds")?.Select(k => k == CitationKind.Explicit ? EdgeKinds.Cites : EdgeKinds.CitesInferred);
                var filter = new EdgeFilter(EdgeKindType.Combine(kinds, EdgeKinds.Citations), args.MinConfidence);
                var result = Lineage.Compute(snapshot, root, ctx.GetArgument<LineageDirection>("direction"), args.MaxDepth, filter, args.First);
                var papers = await SnapshotPapers.LoadAsync(store, snapshot, result.Nodes.Select(n => n.Paper), ctx.CancellationToken);
                return new LineageView(
                    rootPaper,
                    result.Nodes.Where(n => papers.ContainsKey(n.Paper)).Select(n => new LineageNodeView(papers[n.Paper], n.Depth)).ToList(),
                    result.Edges.Select(e => SnapshotPapers.Edge(snapshot, e)).ToList(),
                    result.Truncated);
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
                return paths.Select(p => new PathView(
                    p.Length,
                    p.Nodes.Where(papers.ContainsKey).Select(n => papers[n]).ToList(),
                    p.Edges.Select(e => SnapshotPapers.Edge(snapshot, e)).ToList())).ToList();
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelatedPaperType>>>>("related")
            .Description("Papers related to one paper, best first, each with its score and the reasons behind it.")
            .Argument<NonNullGraphType<IdGraphType>>("paperId")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 10)
            .Argument<ListGraphType<NonNullGraphType<RelatednessType>>>("by", "Measures to combine; all by default (SEMANTIC counts where sentence embeddings are stored).")
            .ResolveAsync(async ctx =>
            {
                var args = ArgumentValidation.Related.Check(new RelatedArguments(ctx.GetArgument<string>("paperId"), ctx.GetArgument<int>("first")));
                var snapshot = snapshots.Current;
                var (paper, _) = await SnapshotPapers.ResolveAsync(store, snapshot, "paperId", args.PaperId, ctx.CancellationToken);
                var by = ctx.GetArgument<List<RelatedBy>?>("by")?.Aggregate(RelatedBy.None, (a, b) => a | b) is { } chosen && chosen != RelatedBy.None
                    ? chosen
                    : RelatedBy.All;
                // Ask each measure for more than 'first': combining them can reorder the list.
                var related = Relatedness.Compute(snapshot, paper, by & ~(RelatedBy.CoTopic | RelatedBy.Semantic), args.First * 2);
                var papers = await SnapshotPapers.LoadAsync(store, snapshot, related.Select(r => r.Paper), ctx.CancellationToken);
                var views = related.Where(r => papers.ContainsKey(r.Paper)).Select(r => new RelatedPaperView(papers[r.Paper], r.Score, r.Reasons)).ToList();
                var coTopic = (by & RelatedBy.CoTopic) != 0
                    ? await store.GetCoTopicPapersAsync(snapshot.PaperId(paper), args.First * 2, ctx.CancellationToken)
                    : [];
                var similar = (by & RelatedBy.Semantic) != 0
                    ? await RelatedViews.SemanticAsync(store, await semantic.GetAsync(ctx.CancellationToken), snapshot.PaperId(paper), args.First * 2, only: by == RelatedBy.Semantic, ctx.CancellationToken)
                    : [];
                return RelatedViews.Combine(views, coTopic, similar, args.First);
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
                    snapshot.PaperId(n), papers[n].Title, papers[n].Year, papers[n].Community, papers[n].PageRank, result.Seeds.Contains(n), snapshot.IsStub(n))).ToList();
                return new SubgraphView(nodes, result.Edges.Select(e => SnapshotPapers.Edge(snapshot, e)).ToList(), result.Truncated);
            });
    }
}
