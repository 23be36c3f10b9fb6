using CiteGraph.Graph.Storage;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>DF, NAME or GROWTH.</summary>
public sealed class TopicOrderType : EnumerationGraphType<TopicOrder>
{
    public TopicOrderType()
    {
        Name = "TopicOrder";
        Description = "DF: most papers first. NAME: alphabetical. GROWTH: rising topics first (Topic.growth), topics without a growth last.";
    }
}
