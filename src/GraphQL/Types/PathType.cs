using CiteGraph.GraphQL.Views;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>One way two papers are connected.</summary>
public sealed class PathType : ObjectGraphType<PathView>
{
    public PathType()
    {
        Name = "Path";
        Field(p => p.Length).Description("Number of hops.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PaperType>>>>("nodes").Description("Papers from 'from' to 'to'.").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphEdgeType>>>>("edges").Description("The edge used for each hop, with its evidence.").Resolve(c => c.Source.Edges);
    }
}
