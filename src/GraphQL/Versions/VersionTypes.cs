using CiteGraph.Graph.Storage.Versions;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Versions;

/// <summary>LOAD, INGEST, DERIVE or ANALYZE.</summary>
public sealed class VersionKindType : EnumerationGraphType<VersionKind>
{
    public VersionKindType()
    {
        Name = "VersionKind";
        Description = "The kind of run that made a version: LOAD (CLI), INGEST (the ingest mutation), DERIVE (topics and inferred citations) or ANALYZE.";
    }
}

/// <summary>What a version changed, as counts of its events.</summary>
public sealed class VersionSummaryType : ObjectGraphType<VersionSummary>
{
    public VersionSummaryType()
    {
        Name = "VersionSummary";
        Description = "What a version changed: its events counted by kind.";
        Field(s => s.PapersAdded).Description("Papers created (PAPER_ADDED).");
        Field(s => s.PapersMerged).Description("Source records merged into a paper that already had one (PAPER_MERGED).");
        Field(s => s.FieldsChanged).Description("Merged fields that took a new value (FIELD_CHANGED).");
        Field(s => s.CitationsAdded).Description("Citations written (CITATION_ADDED).");
        Field(s => s.CitationsRemoved).Description("Citations removed (CITATION_REMOVED).");
    }
}

/// <summary>A version of the graph.</summary>
public sealed class VersionType : ObjectGraphType<GraphVersion>
{
    public VersionType()
    {
        Name = "Version";
        Description = "A version of the graph: the state after a load, ingest, derive or analyze run. Pass its id to changes(since:) and asOf:.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The version's id, e.g. v3.").Resolve(ctx => VersionIds.Format(ctx.Source.Number));
        Field<NonNullGraphType<LongGraphType>>("number").Description("Versions are numbered in the order their runs began.").Resolve(ctx => ctx.Source.Number);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Description("When the run began (UTC).").Resolve(ctx => ctx.Source.At);
        Field<DateTimeOffsetGraphType>("finishedAt").Description("When the run finished; null while it runs, or when it was killed.").Resolve(ctx => ctx.Source.FinishedAt);
        Field<NonNullGraphType<BooleanGraphType>>("complete").Description("Whether the run finished; an incomplete version's summary counts what it committed.").Resolve(ctx => ctx.Source.Complete);
        Field<NonNullGraphType<VersionKindType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<VersionSummaryType>>("summary").Resolve(ctx => ctx.Source.Summary);
    }
}
