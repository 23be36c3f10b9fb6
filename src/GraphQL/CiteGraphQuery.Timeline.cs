using CiteGraph.Graph.Analytics;
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
    /// <summary>The most papers of a year a community needs to count as present that the API accepts.</summary>
    private const int MaxTimelinePapers = 10_000;

    /// <summary>communityTimeline: fields over the years, from the snapshot's years, communities and citations.</summary>
    private void AddTimelineFields(IGraphStore store, SnapshotHolder snapshots)
    {
        Field<NonNullGraphType<CommunityTimelineType>>("communityTimeline")
            .Description("Fields over the years: per publication year from `from` to `to` (default: every year), the communities of `level` " +
                "(0 = fields, 1 = subfields, …) present that year with their papers of the year, and the events between years (BORN, MERGED, " +
                "SPLIT, DIED, GREW, SHRANK).")
            .Argument<IntGraphType>("from")
            .Argument<IntGraphType>("to")
            .Argument<IntGraphType>("minPapers", a => a.DefaultValue = 5)
            .Argument<IntGraphType>("level", a => a.DefaultValue = 0)
            .ResolveAsync(async ctx =>
            {
                var from = ctx.GetArgument<int?>("from");
                var to = ctx.GetArgument<int?>("to");
                var minPapers = ctx.GetArgument("minPapers", 5);
                if (minPapers is < 1 or > MaxTimelinePapers)
                {
                    throw new InvalidArgumentError("minPapers", $"must be between 1 and {MaxTimelinePapers}, got {minPapers}.");
                }

                if (from is { } f && to is { } t && f > t)
                {
                    throw new InvalidArgumentError("to", $"must not be before from ({f}), got {t}.");
                }

                var level = ctx.GetArgument("level", 0);
                if (level is < 0 or >= CommunityHierarchy.MaxLevels)
                {
                    throw new InvalidArgumentError("level", $"must be between 0 and {CommunityHierarchy.MaxLevels - 1}, got {level}.");
                }

                var view = SnapshotYears.Of(snapshots.Current);
                var communities = await view.CommunitiesAsync(store, level, ctx.CancellationToken);
                return CommunityTimeline.Compute(view.Years, communities, view.Citations, from, to, minPapers);
            });
    }
}
