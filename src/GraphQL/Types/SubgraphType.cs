using CiteGraph.GraphQL.Views;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>Nodes and edges for drawing; each maps 1:1 onto a Cytoscape.js element's data.</summary>
public sealed class SubgraphType : ObjectGraphType<SubgraphView>
{
    public SubgraphType()
    {
        Name = "Subgraph";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphNodeType>>>>("nodes").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphEdgeType>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<BooleanGraphType>>("truncated").Description("True when maxNodes (or the edge cap) cut it short.").Resolve(c => c.Source.Truncated);
    }
}

/// <summary>A node for drawing: id and label, with community and PageRank for styling.</summary>
public sealed class GraphNodeType : ObjectGraphType<GraphNodeView>
{
    public GraphNodeType()
    {
        Name = "GraphNode";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field(n => n.Label).Description("The paper's title.");
        Field(n => n.Year, nullable: true);
        Field(n => n.Published, nullable: true).Description("Publication date (ISO 8601, as precise as the sources give it), for time axes.");
        Field(n => n.Community, nullable: true).Description("Community id (for color).");
        Field(n => n.PageRank, nullable: true).Description("PageRank (for size).");
        Field(n => n.Seed).Description("True for the papers the subgraph started from.");
        Field(n => n.Stub).Description("True for a referenced paper not loaded itself.");
    }
}
