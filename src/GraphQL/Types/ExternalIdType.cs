using CiteGraph.Graph.Model;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>An identifier a source gave a paper.</summary>
public sealed class ExternalIdType : ObjectGraphType<ExternalId>
{
    public ExternalIdType()
    {
        Name = "ExternalId";
        Field<NonNullGraphType<ExternalIdKindType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field(e => e.Value).Description("Normalized value: arXiv id without version, DOI lower-cased.");
    }
}
