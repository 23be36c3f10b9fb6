using CiteGraph.Graph.Model;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>Provenance: where a paper was read from.</summary>
public sealed class SourceType : ObjectGraphType<SourceRef>
{
    public SourceType()
    {
        Name = "Source";
        Field("file", s => s.Source).Description("The file (or source label) as it was given to the loader.");
        Field(s => s.Line).Description("Line where the record starts.");
        Field(s => s.Format).Description("The reader that produced it, e.g. hf-listing-c.");
    }
}
