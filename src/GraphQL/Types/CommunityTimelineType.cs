using CiteGraph.Graph.Analytics;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.GraphQL.Batching;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>Fields over the years: one slice per year and the events between slices (<see cref="CommunityTimeline"/>).</summary>
public sealed class CommunityTimelineType : ObjectGraphType<TimelineResult>
{
    public CommunityTimelineType()
    {
        Name = "CommunityTimeline";
        Description = "The papers of each year grouped by their community (level 0 unless asked), and what happened between years: a " +
            "community is present in a year with at least minPapers papers of that year; its parents in a year are the other communities " +
            "present the year before that each draw at least a quarter of its papers' citations to earlier papers. At its first presence " +
            "it is BORN (no parent), SPLIT from its one parent, or MERGED from two or more; later, gaining a parent it did not have the " +
            "year before is a MERGED too. DIED after its last presence (unless it merged); GREW / SHRANK when its papers of the year " +
            "doubled / halved.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TimelineSliceType>>>>("slices").Description("One per year, oldest first.").Resolve(c => c.Source.Slices);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TimelineEventType>>>>("events").Description("Events by year.").Resolve(c => c.Source.Events);
    }
}

/// <summary>One year of the timeline.</summary>
public sealed class TimelineSliceType : ObjectGraphType<TimelineSlice>
{
    public TimelineSliceType()
    {
        Name = "TimelineSlice";
        Description = "One publication year: its papers and the communities present that year.";
        Field<NonNullGraphType<IntGraphType>>("year").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<IntGraphType>>("papers").Description("Dated papers of the year.").Resolve(c => c.Source.Papers);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TimelineCommunityType>>>>("communities")
            .Description("Communities with at least minPapers papers of the year, largest first.").Resolve(c => c.Source.Communities);
    }
}

/// <summary>A community's papers of one year.</summary>
public sealed class TimelineCommunityType : ObjectGraphType<TimelineCommunity>
{
    public TimelineCommunityType(IGraphStore store)
    {
        Name = "TimelineCommunity";
        Description = "A community's papers of one year.";
        Field<NonNullGraphType<IntGraphType>>("id").Description("The community number (its stable id).").Resolve(c => c.Source.Community);
        Field<NonNullGraphType<IntGraphType>>("size").Description("Its papers of the year.").Resolve(c => c.Source.Papers);
        Field<CommunityType>("community").Description("The community: its label (distinctive terms), size over all years, papers.")
            .Resolve(ctx => RequestLoaders.For(ctx, store).Communities.Load(ctx.Source.Community));
    }
}

/// <summary>An event of the timeline.</summary>
public sealed class TimelineEventType : ObjectGraphType<TimelineEvent>
{
    public TimelineEventType(IGraphStore store)
    {
        Name = "TimelineEvent";
        Description = "What happened to a community in a year, with the communities on the other side and their share of its citation flow.";
        Field<NonNullGraphType<IntGraphType>>("year").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<CommunityEventKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<IntGraphType>>("communityId").Description("The community concerned (for SPLIT, the one that split).").Resolve(c => c.Source.Community);
        Field<CommunityType>("community").Description("The community concerned, with its label.")
            .Resolve(ctx => RequestLoaders.For(ctx, store).Communities.Load(ctx.Source.Community));
        Field<NonNullGraphType<IntGraphType>>("size").Description("Its papers of the year.").Resolve(c => c.Source.Papers);
        Field<NonNullGraphType<IntGraphType>>("previousSize").Description("Its papers of the year before.").Resolve(c => c.Source.PreviousPapers);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TimelineLinkType>>>>("related")
            .Description("MERGED: the parents; SPLIT: the new community.").Resolve(c => c.Source.Related);
    }
}

/// <summary>A community on the other side of a timeline event.</summary>
public sealed class TimelineLinkType : ObjectGraphType<CommunityOverlap>
{
    public TimelineLinkType(IGraphStore store)
    {
        Name = "TimelineLink";
        Description = "A community on the other side of a timeline event.";
        Field<NonNullGraphType<IntGraphType>>("communityId").Resolve(c => c.Source.Community);
        Field<CommunityType>("community").Resolve(ctx => RequestLoaders.For(ctx, store).Communities.Load(ctx.Source.Community));
        Field<NonNullGraphType<FloatGraphType>>("share").Description("Its share of the new community's citations to earlier papers.").Resolve(c => c.Source.Jaccard);
    }
}
