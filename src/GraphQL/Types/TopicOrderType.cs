using CiteGraph.Graph.Storage;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>DF or NAME.</summary>
public sealed class TopicOrderType : EnumerationGraphType<TopicOrder>
{
    public TopicOrderType()
    {
        Name = "TopicOrder";
        Description = "DF: most papers first. NAME: alphabetical.";
    }
}
