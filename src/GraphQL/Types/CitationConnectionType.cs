using GraphQL.Types.Relay;

namespace CiteGraph.GraphQL.Types;

/// <summary>A Relay connection of citations.</summary>
public sealed class CitationConnectionType : ConnectionType<CitationType, EdgeType<CitationType>>
{
    public CitationConnectionType()
    {
        Name = "CitationConnection";
    }
}
