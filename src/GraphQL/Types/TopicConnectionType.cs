using GraphQL.Types.Relay;

namespace CiteGraph.GraphQL.Types;

/// <summary>A Relay connection of topics.</summary>
public sealed class TopicConnectionType : ConnectionType<TopicType, EdgeType<TopicType>>
{
    public TopicConnectionType()
    {
        Name = "TopicConnection";
    }
}
