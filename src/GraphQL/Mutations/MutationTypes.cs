using CiteGraph.Graph.Analytics;
using CiteGraph.Graph.Snapshot;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Mutations;

/// <summary>
/// Input formats the host's loaders read (<see cref="IIngestService.Formats"/>, generated from the loaders' format
/// registry, so the enum cannot drift from what <c>ingest</c> accepts): <c>hf-listing</c> is <c>HF_LISTING</c>.
/// </summary>
public sealed class SourceFormatType : EnumerationGraphType
{
    public SourceFormatType(IIngestService? ingest = null)
    {
        Name = "SourceFormat";
        foreach (var format in ingest?.Formats ?? [])
        {
            Add(ValueName(format.Name), format.Name, format.Description);
        }
    }

    /// <summary>The enum value of a format name: upper case, <c>-</c> as <c>_</c>.</summary>
    public static string ValueName(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return format.ToUpperInvariant().Replace('-', '_');
    }
}

/// <summary>What an edge list's ids are.</summary>
public sealed class IdKindType : EnumerationGraphType
{
    public IdKindType()
    {
        Name = "IdKind";
        Add("AUTO", "auto", "arXiv ids or DOIs when every id of the first edges is one kind, plain node ids otherwise.");
        Add("ARXIV", "arxiv", "arXiv ids: citations attach to the papers with those ids (stubs until they arrive).");
        Add("DOI", "doi", "DOIs: citations attach to the papers with those DOIs (stubs until they arrive).");
        Add("PLAIN", "plain", "Node ids local to the content: every node is a paper of its own.");
    }
}

/// <summary>Analytics algorithms.</summary>
public sealed class AlgorithmType : EnumerationGraphType<AnalyticsAlgorithm>
{
    public AlgorithmType() => Name = "Algorithm";

    /// <summary>PAGERANK, KCORE: one word, as DESIGN §7 spells enum values.</summary>
    protected override string ChangeEnumCase(string val) => val.ToUpperInvariant();
}

/// <summary>What an <c>ingest</c> answers: the report when its work finished within the budget, and its job either way.</summary>
public sealed record IngestResult(IngestOutcome? Report, IngestJob Job);

/// <summary>What an ingest did; the counts are null while its job still runs.</summary>
public sealed class IngestReportType : ObjectGraphType<IngestResult>
{
    public IngestReportType(SnapshotHolder snapshots)
    {
        Name = "IngestReport";
        Description = "What an ingest did. The counts are null when the ingest outlasted the answer budget and goes on as a job: poll job(id).";
        Field<IntGraphType>("read").Description("Entries read.").Resolve(c => c.Source.Report?.Read);
        Field<IntGraphType>("loaded").Description("Records written.").Resolve(c => c.Source.Report?.Loaded);
        Field<IntGraphType>("new").Description("Records that created a paper.").Resolve(c => c.Source.Report?.New);
        Field<IntGraphType>("merged").Description("Records merged into a paper already known.").Resolve(c => c.Source.Report?.Merged);
        Field<IntGraphType>("rejected").Description("Entries rejected.").Resolve(c => c.Source.Report?.Rejected);
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("rejections").Description("Each rejection as 'source:line: reason'.").Resolve(c => c.Source.Report?.Rejections);
        Field<IntGraphType>("papersInStore").Description("Papers in the store afterwards.").Resolve(c => c.Source.Report?.PapersInStore);
        Field<IntGraphType>("citationsAdded").Description("Explicit citations the ingest added.").Resolve(c => c.Source.Report?.CitationsAdded);
        Field<NonNullGraphType<IngestJobType>>("job")
            .Description("The ingest's job: DONE when everything is current, snapshot included; RUNNING with the counts here while the snapshot is rebuilt; else QUEUED or RUNNING.")
            .Resolve(c => c.Source.Job);
        Field<NonNullGraphType<IntGraphType>>("snapshot")
            .Description("The snapshot version traversals (lineage, connect, subgraph, related, ranking, stats) answer from now; /health/ready reports the current one.")
            .Resolve(_ => snapshots.Current.Version);
        Field<NonNullGraphType<BooleanGraphType>>("snapshotCurrent")
            .Description("Whether that snapshot holds this ingest: true once the job is DONE; false while the rebuild runs in the background: the papers, their topics and lineage are stored, but answers from the snapshot (traversals, stats, searches it cached) show them only once the job is DONE.")
            .Resolve(c => c.Source.Job.State == IngestJobState.Done);
    }
}

/// <summary>An ingest's job.</summary>
public sealed class IngestJobType : ObjectGraphType<IngestJob>
{
    public IngestJobType()
    {
        Name = "IngestJob";
        Description = "An ingest running in the background (one at a time): papers written, topics and lineage derived, snapshot rebuilt.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IngestJobStateType>>("state").Resolve(c => c.Source.State);
        Field<IngestReportType>("report").Description("The report once the papers and derived layer are committed (RUNNING while the snapshot is rebuilt, then DONE).")
            .Resolve(c => c.Source.Outcome is { } outcome ? new IngestResult(outcome, c.Source) : null);
        Field<StringGraphType>("error").Description("Why it failed, once FAILED; what it wrote is kept and ingesting the same content again completes it.")
            .Resolve(c => c.Source.Error?.Message);
    }
}

/// <summary>QUEUED, RUNNING, DONE, FAILED.</summary>
public sealed class IngestJobStateType : EnumerationGraphType<IngestJobState>
{
    public IngestJobStateType() => Name = "IngestJobState";

    /// <summary>One word, upper case, as DESIGN §7 spells enum values.</summary>
    protected override string ChangeEnumCase(string val) => val.ToUpperInvariant();
}

/// <summary>What an analytics run did.</summary>
public sealed class AnalyticsReportType : ObjectGraphType<AnalyticsReport>
{
    public AnalyticsReportType()
    {
        Name = "AnalyticsReport";
        Field(r => r.Nodes).Description("Papers analyzed (stubs included).");
        Field(r => r.Edges).Description("Edges of the graph centrality ran on (the citations under the automatic choice).");
        Field<StringGraphType>("graph")
            .Description("The graph communities were found on ('citations', 'hybrid: citations + cotopic + semantic', …); null without communities.")
            .Resolve(c => c.Source.Graph?.Name);
        Field<StringGraphType>("graphReason")
            .Description("Why that graph: the automatic rule's measurements, or the graph asked for.")
            .Resolve(c => c.Source.Graph?.Reason);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("levels")
            .Description("Per hierarchy level, coarse to fine: communities, share of single papers, largest and median size, sizes by range.")
            .Resolve(c => c.Source.Levels.Select(l => l.ToString()).ToList());
        Field(r => r.Communities, nullable: true);
        Field(r => r.Modularity, nullable: true);
        Field(r => r.WeakComponents, nullable: true);
        Field(r => r.StrongComponents, nullable: true);
        Field<NonNullGraphType<FloatGraphType>>("seconds").Resolve(c => c.Source.Elapsed.TotalSeconds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("steps")
            .Description("Each step as 'algorithm: outcome (seconds)'.")
            .Resolve(c => c.Source.Steps.Select(s => $"{s.Algorithm}: {s.Outcome} ({s.Elapsed.TotalSeconds:F2}s)").ToList());
    }
}
