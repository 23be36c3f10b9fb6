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
        Field(r => r.Score).Description(
            "One seed: the sum over the measures of each measure's value scaled by its best candidate (0 to one per measure). Several seeds " +
            "(paperIds, negative): the mean over the positive seeds of that sum scaled by the seed's best candidate (0 to 1), less the same mean over the negative seeds.");
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
        Field<IdGraphType>("seed").Description("For related papers: the seed paper this reason relates the result to (null for suggested references).")
            .Resolve(c => c.Source.Seed);
        Field(r => r.Negative).Description("True when the seed is one of related's negative papers: this reason lowered the score.");
    }
}
