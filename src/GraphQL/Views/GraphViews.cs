using CiteGraph.Graph.Model;
using CiteGraph.Graph.Traversal;

namespace CiteGraph.GraphQL.Views;

/// <summary>An edge as clients see it: paper ids, kind, and for citations confidence and evidence, for shared repositories the repository.</summary>
public sealed record GraphEdgeView(string Source, string Target, EdgeKinds Kind, double Confidence, string? Evidence, string? Via)
{
    /// <summary>For CO_TOPIC: the shared topics that made the edge, with what each contributed to its weight.</summary>
    public IReadOnlyList<CoTopicReason> SharedTopics { get; init; } = [];
}

/// <summary>A paper in a lineage with its distance from the root.</summary>
public sealed record LineageNodeView(Paper Paper, int Depth, string Cursor = "");

/// <summary>A lineage: the root, the papers reached with their depth, and the citations among them.</summary>
public sealed record LineageView(Paper Root, IReadOnlyList<LineageNodeView> Nodes, IReadOnlyList<GraphEdgeView> Edges, bool Truncated,
    global::GraphQL.Types.Relay.DataObjects.PageInfo? PageInfo = null, int TotalCount = 0);

/// <summary>One way two papers are connected.</summary>
public sealed record PathView(int Length, IReadOnlyList<Paper> Nodes, IReadOnlyList<GraphEdgeView> Edges);

/// <summary>A related paper with its score and reasons.</summary>
public sealed record RelatedPaperView(Paper Paper, double Score, IReadOnlyList<RelatedReason> Reasons);

/// <summary>A node for drawing: enough to label, size and color it.</summary>
public sealed record GraphNodeView(string Id, string Label, int? Year, int? Community, double? PageRank, bool Seed, bool Stub, string? Published = null);

/// <summary>Nodes and edges in the shape of Cytoscape.js elements.</summary>
public sealed record SubgraphView(IReadOnlyList<GraphNodeView> Nodes, IReadOnlyList<GraphEdgeView> Edges, bool Truncated);
