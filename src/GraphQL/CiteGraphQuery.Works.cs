using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;
using CiteGraph.GraphQL.Errors;
using CiteGraph.GraphQL.Types;
using CiteGraph.GraphQL.Views;
using GraphQL;
using GraphQL.Types;

namespace CiteGraph.GraphQL;

public sealed partial class CiteGraphQuery
{
    /// <summary>How many papers a selection may have: a lineage page and its root, or a whole drawn view.</summary>
    private const int MaxSelection = 600;

    /// <summary>
    /// priorWorks, derivativeWorks (aggregated over a selection of papers, for the lists beside the explorer's graph) and
    /// communityLinks (for its communities map): answered from the in-memory snapshot.
    /// </summary>
    private void AddWorksFields(IGraphStore store, SnapshotHolder snapshots)
    {
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SelectionWorkType>>>>("priorWorks")
            .Description("What a selection of papers builds on most: the papers cited (explicitly or by inference) by most of them, ties by citation count.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("paperIds", $"The selection (1-{MaxSelection} papers).")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 20)
            .ResolveAsync(async ctx => await WorksAsync(store, snapshots, ctx, prior: true));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SelectionWorkType>>>>("derivativeWorks")
            .Description("What builds on a selection of papers most: the papers citing (explicitly or by inference) most of them, ties by citation count.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("paperIds", $"The selection (1-{MaxSelection} papers).")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 20)
            .ResolveAsync(async ctx => await WorksAsync(store, snapshots, ctx, prior: false));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CommunityLinkType>>>>("communityLinks")
            .Description("Pairs of communities (level 0, last analytics run) linked by their papers' citations or co-topic links, most links first; with communityIds, only pairs among those.")
            .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("communityIds", "Only links among these communities (C… ids).")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 50)
            .Resolve(ctx =>
            {
                var first = Arguments.PageSize(ctx);
                var ids = ctx.GetArgument<List<string>?>("communityIds");
                HashSet<int>? among = null;
                if (ids is not null)
                {
                    among = [];
                    foreach (var id in ids)
                    {
                        among.Add(NodeInterface.ParseCommunityId(id) ?? throw new InvalidArgumentError("communityIds", $"'{id}' is not a community id (C and a number)."));
                    }
                }

                return CommunityLinks.Count(snapshots.Current, first, among);
            });
    }

    private static async Task<IReadOnlyList<SelectionWorkView>> WorksAsync(IGraphStore store, SnapshotHolder snapshots, IResolveFieldContext ctx, bool prior)
    {
        var first = Arguments.PageSize(ctx);
        var ids = ctx.GetArgument<List<string>>("paperIds") ?? [];
        if (ids.Count is 0 or > MaxSelection)
        {
            throw new InvalidArgumentError("paperIds", $"must name 1 to {MaxSelection} papers, got {ids.Count}.");
        }

        var snapshot = snapshots.Current;
        var selection = new HashSet<int>();
        foreach (var id in ids)
        {
            // The explorer sends CiteGraph ids the snapshot knows; any other id (arXiv, DOI) is resolved through the store.
            selection.Add(snapshot.TryGetIndex(id, out var index) ? index : (await SnapshotPapers.ResolveAsync(store, snapshot, "paperIds", id, ctx.CancellationToken)).Index);
        }

        var ranked = SelectionWorks.Rank(snapshot, selection, prior, first);
        var papers = await SnapshotPapers.LoadAsync(store, snapshot, ranked.Select(r => r.Paper), ctx.CancellationToken);
        return ranked
            .Where(r => papers.ContainsKey(r.Paper))
            .Select(r => new SelectionWorkView(papers[r.Paper], r.Selection.Count, r.Selection.Select(snapshot.PaperId).ToList(), selection.Contains(r.Paper)))
            .ToList();
    }
}
