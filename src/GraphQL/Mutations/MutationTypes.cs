using CiteGraph.Graph.Analytics;
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

/// <summary>What an ingest did.</summary>
public sealed class IngestReportType : ObjectGraphType<IngestOutcome>
{
    public IngestReportType()
    {
        Name = "IngestReport";
        Field(r => r.Read).Description("Entries read.");
        Field(r => r.Loaded).Description("Records written.");
        Field(r => r.New).Description("Records that created a paper.");
        Field(r => r.Merged).Description("Records merged into a paper already known.");
        Field(r => r.Rejected).Description("Entries rejected.");
        Field(r => r.Rejections).Description("Each rejection as 'source:line: reason'.");
        Field(r => r.PapersInStore).Description("Papers in the store afterwards.");
        Field(r => r.CitationsAdded).Description("Explicit citations the ingest added.");
    }
}

/// <summary>What an analytics run did.</summary>
public sealed class AnalyticsReportType : ObjectGraphType<AnalyticsReport>
{
    public AnalyticsReportType()
    {
        Name = "AnalyticsReport";
        Field(r => r.Nodes).Description("Papers analyzed (stubs included).");
        Field(r => r.Edges).Description("Citations analyzed.");
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
