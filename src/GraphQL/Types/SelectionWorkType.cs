using CiteGraph.GraphQL.Views;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>A prior or derivative work of a selection of papers.</summary>
public sealed class SelectionWorkType : ObjectGraphType<SelectionWorkView>
{
    public SelectionWorkType()
    {
        Name = "SelectionWork";
        Description = "A paper the selection builds on (priorWorks) or that builds on it (derivativeWorks).";
        Field<NonNullGraphType<PaperType>>("paper").Resolve(c => c.Source.Paper);
        Field(w => w.Links).Description("How many papers of the selection cite it (priorWorks) or it cites (derivativeWorks).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("selection")
            .Description("The papers of the selection it is linked to.")
            .Resolve(c => c.Source.Selection);
        Field(w => w.InSelection).Description("Whether it is itself one of the selection.");
    }
}
