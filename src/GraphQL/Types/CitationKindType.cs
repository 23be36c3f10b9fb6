using CiteGraph.Graph.Model;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>EXPLICIT or INFERRED.</summary>
public sealed class CitationKindType : EnumerationGraphType<CitationKind>
{
    public CitationKindType()
    {
        Name = "CitationKind";
        Description = "EXPLICIT: a source lists the reference. INFERRED: read from the text (ids, a coined method, et al., a title).";
    }
}
