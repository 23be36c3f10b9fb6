using CiteGraph.Graph.Model;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>BORN, GREW, SHRANK, MERGED, SPLIT or DIED.</summary>
public sealed class CommunityEventKindType : EnumerationGraphType<CommunityEventKind>
{
    public CommunityEventKindType()
    {
        Name = "CommunityEventKind";
        Description = "What happened to a community: BORN (no predecessor), GREW / SHRANK (its size changed), MERGED (several went " +
            "into it), SPLIT (it went into several), DIED (no successor).";
    }
}
