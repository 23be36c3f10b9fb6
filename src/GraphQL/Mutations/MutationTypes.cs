using CiteGraph.Graph.Analytics;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Mutations;

/// <summary>Input formats the loaders read.</summary>
public sealed class SourceFormatType : EnumerationGraphType
{
    public SourceFormatType()
    {
        Name = "SourceFormat";
        Add("HF_LISTING", "hf-listing", "Hugging Face paper listing saved as text (layouts A, B, C).");
        Add("HF_JSON", "hf-json", "Hugging Face papers API JSON.");
        Add("ARXIV", "arxiv", "arXiv metadata JSON lines.");
        Add("OPENALEX", "openalex", "OpenAlex works.");
        Add("S2", "s2", "Semantic Scholar Graph API papers.");
        Add("EDGELIST", "edgelist", "SNAP-style edge list.");
        Add("CORA", "cora", "Cora-style .cites.");
        Add("OPENCITATIONS", "opencitations", "OpenCitations citation CSV (COCI dumps, the OpenCitations Index): DOI-to-DOI citations.");
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
