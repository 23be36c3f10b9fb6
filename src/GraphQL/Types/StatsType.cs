using CiteGraph.Graph.Model;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>Counts of the graph.</summary>
public sealed class StatsType : ObjectGraphType<GraphStats>
{
    public StatsType()
    {
        Name = "Stats";
        Field(s => s.Papers).Description("Papers (stubs for referenced papers not in the corpus excluded).");
        Field(s => s.Repos).Description("Distinct code repositories.");
        Field(s => s.Topics);
        Field(s => s.Authors);
        Field(s => s.Citations).Description("CITES relationships, explicit and inferred.");
        Field(s => s.InferredCitations);
        Field(s => s.Sources).Description("Source records kept as provenance.");
        Field(s => s.Links).Description("Non-repository links (project pages, model hub, datasets).");
    }
}
