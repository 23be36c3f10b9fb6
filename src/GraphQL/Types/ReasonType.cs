using CiteGraph.Graph.Model;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>Why two papers are related.</summary>
public sealed class ReasonType : ObjectGraphType<RelatedReason>
{
    public ReasonType()
    {
        Name = "Reason";
        Description = "Why two papers are related: the kind of link and what it rests on (e.g. a shared topic).";
        Field(r => r.Kind).Description("The kind of link, e.g. CO_TOPIC.");
        Field(r => r.Text).Description("What the link rests on, e.g. the shared topic's name.");
        Field(r => r.Weight).Description("The weight of the link.");
    }
}
