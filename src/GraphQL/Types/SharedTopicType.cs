using CiteGraph.Graph.Model;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>A topic two co-topic papers share, with what it contributed to their link's weight.</summary>
public sealed class SharedTopicType : ObjectGraphType<CoTopicReason>
{
    public SharedTopicType()
    {
        Name = "SharedTopic";
        Description = "A topic two CO_TOPIC papers share, and what it contributed to the link's weight (its idf over the two papers' norms).";
        Field<NonNullGraphType<StringGraphType>>("name").Description("The topic's canonical name.").Resolve(c => c.Source.Text);
        Field<NonNullGraphType<FloatGraphType>>("weight").Description("Its share of the link's weight.").Resolve(c => c.Source.Weight);
    }
}
