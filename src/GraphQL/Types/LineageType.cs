using CiteGraph.GraphQL.Views;
using GraphQL.Types;
using GraphQL.Types.Relay;

namespace CiteGraph.GraphQL.Types;

/// <summary>A paper's lineage.</summary>
public sealed class LineageType : ObjectGraphType<LineageView>
{
    public LineageType()
    {
        Name = "Lineage";
        Field<NonNullGraphType<PaperType>>("root").Resolve(c => c.Source.Root);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LineageNodeType>>>>("nodes")
            .Description("Papers reached, nearest generation first (the root excluded): this page of them.").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphEdgeType>>>>("edges")
            .Description("Citations among the root and the papers reached; on a later page, those reaching a paper of that page (so pages together hold each once).")
            .Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<BooleanGraphType>>("truncated").Description("True when 'first' cut the lineage short (more pages follow).").Resolve(c => c.Source.Truncated);
        Field<NonNullGraphType<PageInfoType>>("pageInfo")
            .Description("Relay paging over the nodes: pass endCursor as 'after' for the next page.").Resolve(c => c.Source.PageInfo);
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
        Field(n => n.Cursor).Description("Opaque Relay cursor: 'after' this node.");
    }
}
