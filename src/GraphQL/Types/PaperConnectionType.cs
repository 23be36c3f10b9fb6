using GraphQL.Types.Relay;

namespace CiteGraph.GraphQL.Types;

/// <summary>A Relay connection of papers: edges with opaque cursors, pageInfo and totalCount.</summary>
public sealed class PaperConnectionType : ConnectionType<PaperType, EdgeType<PaperType>>
{
    public PaperConnectionType()
    {
        Name = "PaperConnection";
    }
}
