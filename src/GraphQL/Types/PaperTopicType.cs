using CiteGraph.Graph.Model;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>A topic of a paper (HAS_TOPIC) with its weight.</summary>
public sealed class PaperTopicType : ObjectGraphType<PaperTopic>
{
    public PaperTopicType()
    {
        Name = "PaperTopic";
        Description = "A topic a paper carries (HAS_TOPIC).";
        Field<NonNullGraphType<TopicType>>("topic").Resolve(ctx => ctx.Source.Topic);
        Field(t => t.Weight).Description("Weight in (0, 1]: evidence (definition, title, keyword, mentions) × idf, 1 for the paper's strongest topic.");
    }
}
