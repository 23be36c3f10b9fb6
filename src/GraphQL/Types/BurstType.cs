using CiteGraph.Graph.Analytics;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>A burst of a topic (Kleinberg), its years and weight.</summary>
public sealed class BurstType : ObjectGraphType<BurstSpan>
{
    public BurstType()
    {
        Name = "Burst";
        Description = "Years in which a topic was unusually frequent: a run of the burst state of Kleinberg's two-state automaton over its " +
            "yearly share of the corpus's papers (burst rate twice the topic's overall share, entering a burst costs ln(years)).";
        Field<NonNullGraphType<IntGraphType>>("start").Description("First year of the burst.").Resolve(c => c.Source.Start);
        Field<NonNullGraphType<IntGraphType>>("end").Description("Last year of the burst (inclusive).").Resolve(c => c.Source.End);
        Field<NonNullGraphType<FloatGraphType>>("weight").Description("How strong: the cost its years save in the burst state over the base state.")
            .Resolve(c => c.Source.Weight);
    }
}
