using CiteGraph.Graph.Traversal;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>EXPLICIT (stated by a source) or INFERRED (from a paper's text).</summary>
public sealed class CitationKindType : EnumerationGraphType
{
    public CitationKindType()
    {
        Name = "CitationKind";
        Add("EXPLICIT", EdgeKinds.Cites, "Stated by a source: OpenAlex, Semantic Scholar, an edge list.");
        Add("INFERRED", EdgeKinds.CitesInferred, "Inferred from a paper's text, with confidence and evidence.");
    }
}
