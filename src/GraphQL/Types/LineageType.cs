using CiteGraph.GraphQL.Views;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>A paper's lineage.</summary>
public sealed class LineageType : ObjectGraphType<LineageView>
{
    public LineageType()
    {
        Name = "Lineage";
        Field<NonNullGraphType<PaperType>>("root").Resolve(c => c.Source.Root);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LineageNodeType>>>>("nodes")
            .Description("Papers reached, nearest generation first (the root excluded).").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphEdgeType>>>>("edges")
            .Description("Citations among the root and the papers reached.").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<BooleanGraphType>>("truncated").Description("True when 'first' cut the lineage short.").Resolve(c => c.Source.Truncated);
    }
}

/// <summary>A paper in a lineage with its depth.</summary>
public sealed class LineageNodeType : ObjectGraphType<LineageNodeView>
{
    public LineageNodeType()
    {
        Name = "LineageNode";
        Field<NonNullGraphType<PaperType>>("paper").Resolve(c => c.Source.Paper);
        Field(n => n.Depth).Description("Citation hops from the root.");
    }
}
