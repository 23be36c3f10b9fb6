using CiteGraph.Graph.Storage;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>A paper's place in a ranking.</summary>
public sealed class RankedPaperType : ObjectGraphType<RankedPaper>
{
    public RankedPaperType()
    {
        Name = "RankedPaper";
        Field(r => r.Rank).Description("1 for the best.");
        Field<NonNullGraphType<PaperType>>("paper").Resolve(ctx => ctx.Source.Paper);
        Field(r => r.Score).Description("The metric's value.");
    }
}
