using CiteGraph.Graph.Model;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>Provenance of one merged paper field: the source whose value won.</summary>
public sealed class FieldProvenanceType : ObjectGraphType<FieldProvenance>
{
    public FieldProvenanceType()
    {
        Name = "FieldProvenance";
        Description = "Provenance of one merged paper field: the source whose value won the merge.";
        Field(f => f.Field)
            .Description("The merged field: title, abstract, published, year, authorsCount, organization, upvotes, arxivId or doi.");
        Field(f => f.Value, nullable: true)
            .Description("The winning value as text: dates in ISO 8601 (possibly partial), numbers as digits.");
        Field<NonNullGraphType<SourceType>>("source")
            .Description("The file and line whose value won (of several giving the same value, the first by file and line).")
            .Resolve(ctx => ctx.Source.Source);
    }
}
