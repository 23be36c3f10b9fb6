using CiteGraph.Graph.Traversal;
using CiteGraph.GraphQL.Views;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>A related paper, its score and why.</summary>
public sealed class RelatedPaperType : ObjectGraphType<RelatedPaperView>
{
    public RelatedPaperType()
    {
        Name = "RelatedPaper";
        Field<NonNullGraphType<PaperType>>("paper").Resolve(c => c.Source.Paper);
        Field(r => r.Score).Description("Sum over the measures of each measure's value scaled by its best candidate (0 to one per measure).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReasonType>>>>("reasons").Resolve(c => c.Source.Reasons);
    }
}

/// <summary>One reason a paper is related.</summary>
public sealed class ReasonType : ObjectGraphType<RelatedReason>
{
    public ReasonType()
    {
        Name = "Reason";
        Field<NonNullGraphType<RelatednessType>>("kind").Resolve(c => c.Source.Kind);
        Field(r => r.Value).Description("The measure's raw value (a count, or a PageRank mass).");
        Field(r => r.Detail).Description("The reason in words.");
    }
}
