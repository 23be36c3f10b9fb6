using System.Globalization;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Storage.Versions;
using CiteGraph.GraphQL.Types;
using GraphQL.Types;
using GraphQL.Types.Relay;

namespace CiteGraph.GraphQL.Versions;

/// <summary>PAPER_ADDED, PAPER_MERGED, FIELD_CHANGED, CITATION_ADDED, CITATION_REMOVED, COMMUNITY_EVENT.</summary>
public sealed class ChangeKindType : EnumerationGraphType<ChangeKind>
{
    public ChangeKindType()
    {
        Name = "ChangeKind";
        Description = "What an event of the change feed says happened.";
    }
}

/// <summary>The fields every event has; its type says which others it has.</summary>
public sealed class ChangeInterface : InterfaceGraphType<ChangeEvent>
{
    public ChangeInterface()
    {
        Name = "Change";
        Description = "An event of the change feed, written in the same transaction as the change it describes.";
        // Each object type says which events it takes (IsTypeOf) and resolves these fields (ChangeFields.AddCommon).
        Field<NonNullGraphType<IdGraphType>>("sequence").Description("The event's place in the store's commit order.");
        Field<NonNullGraphType<ChangeKindType>>("kind");
        Field<NonNullGraphType<IdGraphType>>("version").Description("The id of the version that made the change.");
        Field<NonNullGraphType<IdGraphType>>("paperId").Description("The paper changed (for citations: the citing paper).");
    }
}

/// <summary>The typed events, one object type per kind.</summary>
internal static class ChangeFields
{
    public static void AddCommon(ObjectGraphType<ChangeEvent> type)
    {
        type.Field<NonNullGraphType<IdGraphType>>("sequence").Description("The event's place in the store's commit order.")
            .Resolve(ctx => ctx.Source.Sequence.ToString(CultureInfo.InvariantCulture));
        type.Field<NonNullGraphType<ChangeKindType>>("kind").Resolve(ctx => ctx.Source.Kind);
        type.Field<NonNullGraphType<IdGraphType>>("version").Description("The id of the version that made the change.")
            .Resolve(ctx => VersionIds.Format(ctx.Source.Version));
        type.Field<NonNullGraphType<IdGraphType>>("paperId").Description("The paper changed (for citations: the citing paper).")
            .Resolve(ctx => ctx.Source.PaperId);
    }
}

/// <summary>PAPER_ADDED.</summary>
public sealed class PaperAddedType : ObjectGraphType<ChangeEvent>
{
    public PaperAddedType()
    {
        Name = "PaperAdded";
        Description = "A paper was created, or a stub (a cited id) became a paper when its own record arrived.";
        ChangeFields.AddCommon(this);
        Interface<ChangeInterface>();
        IsTypeOf = o => o is ChangeEvent { Kind: ChangeKind.PaperAdded };
    }
}

/// <summary>PAPER_MERGED.</summary>
public sealed class PaperMergedType : ObjectGraphType<ChangeEvent>
{
    public PaperMergedType()
    {
        Name = "PaperMerged";
        Description = "A source record was merged into a paper that already had one.";
        ChangeFields.AddCommon(this);
        Field<NonNullGraphType<StringGraphType>>("source").Description("The file (or ingest) the merged record came from.").Resolve(ctx => ctx.Source.Get("source"));
        Field<IntGraphType>("line").Resolve(ctx => int.TryParse(ctx.Source.Get("line"), CultureInfo.InvariantCulture, out var l) ? l : (int?)null);
        Field<StringGraphType>("format").Resolve(ctx => ctx.Source.Get("format"));
        Interface<ChangeInterface>();
        IsTypeOf = o => o is ChangeEvent { Kind: ChangeKind.PaperMerged };
    }
}

/// <summary>FIELD_CHANGED.</summary>
public sealed class FieldChangedType : ObjectGraphType<ChangeEvent>
{
    public FieldChangedType()
    {
        Name = "FieldChanged";
        Description = "A merged field of a paper took a new value (values as text).";
        ChangeFields.AddCommon(this);
        Field<NonNullGraphType<StringGraphType>>("field").Description("title, abstract, published, year, authors_count, organization, upvotes, arxiv_id or doi.")
            .Resolve(ctx => ctx.Source.Get("field"));
        Field<StringGraphType>("old").Resolve(ctx => ctx.Source.Get("old"));
        Field<StringGraphType>("new").Resolve(ctx => ctx.Source.Get("new"));
        Interface<ChangeInterface>();
        IsTypeOf = o => o is ChangeEvent { Kind: ChangeKind.FieldChanged };
    }
}

/// <summary>CITATION_ADDED and CITATION_REMOVED.</summary>
public sealed class CitationChangeType : ObjectGraphType<ChangeEvent>
{
    public CitationChangeType()
    {
        Name = "CitationChange";
        Description = "A citation was written (CITATION_ADDED) or removed (CITATION_REMOVED): paperId cites citedId.";
        ChangeFields.AddCommon(this);
        Field<NonNullGraphType<IdGraphType>>("citedId").Resolve(ctx => ctx.Source.OtherPaperId);
        Field<NonNullGraphType<StringGraphType>>("citationKind").Description("explicit or inferred.").Resolve(ctx => ctx.Source.Get("kind") ?? "explicit");
        Field<FloatGraphType>("confidence").Resolve(ctx => ctx.Source.Data is null ? 1.0 : double.TryParse(ctx.Source.Get("confidence"), CultureInfo.InvariantCulture, out var c) ? c : (double?)null);
        Field<StringGraphType>("evidence").Description("The matched text of an inferred citation; null for an explicit one a source listed (the citing paper's sources name it).")
            .Resolve(ctx => ctx.Source.Get("evidence"));
        Interface<ChangeInterface>();
        IsTypeOf = o => o is ChangeEvent { Kind: ChangeKind.CitationAdded or ChangeKind.CitationRemoved };
    }
}

/// <summary>COMMUNITY_EVENT: where stable community ids' events join the feed.</summary>
public sealed class CommunityChangeType : ObjectGraphType<ChangeEvent>
{
    public CommunityChangeType()
    {
        Name = "CommunityChange";
        Description = "A community event of an analyze run (stable community ids): a community at one hierarchy level was BORN, GREW, " +
            "SHRANK, MERGED (from related), SPLIT (into related) or DIED, as the run's matching to the previous run found. paperId is " +
            "the community's id.";
        ChangeFields.AddCommon(this);
        Field<NonNullGraphType<CommunityEventKindType>>("event").Resolve(ctx => CommunityEventNames.Parse(ctx.Source.Get("event") ?? ""));
        Field<NonNullGraphType<IntGraphType>>("level").Description("Hierarchy level, 0 = coarsest.").Resolve(ctx => Int(ctx.Source, "level"));
        Field<NonNullGraphType<IntGraphType>>("communityId").Description("The community concerned (for SPLIT and DIED, its id in the previous run).")
            .Resolve(ctx => Int(ctx.Source, "community"));
        Field<NonNullGraphType<IntGraphType>>("size").Description("Its papers in this run (0 when it died).").Resolve(ctx => Int(ctx.Source, "size"));
        Field<NonNullGraphType<IntGraphType>>("previousSize").Description("Its papers in the previous run (0 when it was born).")
            .Resolve(ctx => Int(ctx.Source, "previousSize"));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CommunityOverlapType>>>>("related")
            .Description("MERGED: the communities merged; SPLIT: the communities it split into; otherwise the one matched, if any.")
            .Resolve(ctx => CommunityEventNames.RelatedFromJson(ctx.Source.Get("related")));
        Field<StringGraphType>("data").Description("The event as JSON.").Resolve(ctx => ctx.Source.Data);
        Interface<ChangeInterface>();
        IsTypeOf = o => o is ChangeEvent { Kind: ChangeKind.CommunityEvent };
    }

    private static int Int(ChangeEvent e, string name) => int.Parse(e.Get(name) ?? "0", CultureInfo.InvariantCulture);
}

/// <summary>A community on the other side of a community event, with the Jaccard overlap of the two.</summary>
public sealed class CommunityOverlapType : ObjectGraphType<CommunityOverlap>
{
    public CommunityOverlapType()
    {
        Name = "CommunityOverlap";
        Description = "A community on the other side of a community event and the Jaccard overlap of their papers.";
        Field<NonNullGraphType<IntGraphType>>("communityId").Resolve(c => c.Source.Community);
        Field<NonNullGraphType<FloatGraphType>>("jaccard").Resolve(c => c.Source.Jaccard);
    }
}

/// <summary>A Relay connection of versions.</summary>
public sealed class VersionConnectionType : ConnectionType<VersionType, EdgeType<VersionType>>
{
    public VersionConnectionType()
    {
        Name = "VersionConnection";
    }
}

/// <summary>A Relay connection of change events.</summary>
public sealed class ChangeConnectionType : ConnectionType<ChangeInterface, EdgeType<ChangeInterface>>
{
    public ChangeConnectionType()
    {
        Name = "ChangeConnection";
    }
}
