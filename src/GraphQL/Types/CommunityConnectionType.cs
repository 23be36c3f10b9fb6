using GraphQL.Types.Relay;

namespace CiteGraph.GraphQL.Types;

/// <summary>A Relay connection of communities.</summary>
public sealed class CommunityConnectionType : ConnectionType<CommunityType, EdgeType<CommunityType>>
{
    public CommunityConnectionType()
    {
        Name = "CommunityConnection";
    }
}
