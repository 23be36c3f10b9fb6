using CiteGraph.Graph.Traversal;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>ANCESTORS (what a paper builds on) or DESCENDANTS (what built on it).</summary>
public sealed class DirectionType : EnumerationGraphType
{
    public DirectionType()
    {
        Name = "Direction";
        Add("ANCESTORS", LineageDirection.Ancestors, "What the paper builds on: the papers it cites, and theirs.");
        Add("DESCENDANTS", LineageDirection.Descendants, "What built on the paper: the papers citing it, and theirs.");
    }
}
