using CiteGraph.Graph.Model;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>The other end of a CITES relationship, with how it is known.</summary>
public sealed class CitationType : ObjectGraphType<CitationLink>
{
    public CitationType()
    {
        Name = "Citation";
        Description = "A CITES relationship seen from one paper: the paper at the other end, kind, confidence and evidence.";
        Field<NonNullGraphType<PaperType>>("paper").Resolve(ctx => ctx.Source.Paper);
        Field<NonNullGraphType<CitationKindType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field(c => c.Confidence).Description("1 for explicit citations; for inferred ones, how sure the rule that found it is.");
        Field(c => c.Evidence, nullable: true)
            .Description("The matched text, prefixed by the rule (arxiv:, doi:, method:, et-al:, title:); the source for explicit ones.");
    }
}
