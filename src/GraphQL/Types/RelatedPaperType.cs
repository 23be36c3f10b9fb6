using CiteGraph.Graph.Model;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>A paper related to another, with a score and the reasons.</summary>
public sealed class RelatedPaperType : ObjectGraphType<RelatedPaper>
{
    public RelatedPaperType()
    {
        Name = "RelatedPaper";
        Description = "A paper related to another, with a score and the reasons.";
        Field<NonNullGraphType<PaperType>>("paper").Resolve(ctx => ctx.Source.Paper);
        Field(r => r.Score).Description("Higher is closer; for CO_TOPIC, idf-weighted shared topics normalized to (0, 1].");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReasonType>>>>("reasons").Resolve(ctx => ctx.Source.Reasons);
    }
}
