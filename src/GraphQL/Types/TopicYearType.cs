using CiteGraph.Graph.Model;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>Papers of one year carrying a topic.</summary>
public sealed class TopicYearType : ObjectGraphType<TopicYear>
{
    public TopicYearType()
    {
        Name = "TopicYear";
        Description = "Papers of one publication year carrying a topic.";
        Field<NonNullGraphType<IntGraphType>>("year").Description("The publication year.").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<IntGraphType>>("papers").Description("Papers of that year carrying the topic.").Resolve(c => c.Source.Papers);
    }
}
