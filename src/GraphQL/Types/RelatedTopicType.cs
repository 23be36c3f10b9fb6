using CiteGraph.Graph.Model;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>A topic co-occurring with another (CO_OCCURS).</summary>
public sealed class RelatedTopicType : ObjectGraphType<RelatedTopic>
{
    public RelatedTopicType()
    {
        Name = "RelatedTopic";
        Description = "A topic that co-occurs with another in papers (CO_OCCURS).";
        Field<NonNullGraphType<TopicType>>("topic").Resolve(ctx => ctx.Source.Topic);
        Field(r => r.Count).Description("Papers carrying both topics.");
        Field(r => r.Pmi).Description("Pointwise mutual information, ln(count · papers / (df₁ · df₂)).");
    }
}
