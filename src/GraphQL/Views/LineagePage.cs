using CiteGraph.Graph.Traversal;

namespace CiteGraph.GraphQL.Views;

/// <summary>
/// One page of a lineage walk: the nodes from position <c>offset</c> on, and the citations whose later end (in walk
/// order, the root first) is on this page, so that the pages of a lineage together hold each node and each citation once.
/// </summary>
internal sealed record LineagePage(IReadOnlyList<(int Position, (int Paper, int Depth) Node)> Nodes, IReadOnlyList<TraversalEdge> Edges)
{
    public static LineagePage Of(LineageResult result, int offset)
    {
        var position = new Dictionary<int, int>(result.Nodes.Count + 1) { [result.Root] = -1 };
        for (var i = 0; i < result.Nodes.Count; i++)
        {
            position[result.Nodes[i].Paper] = i;
        }

        var nodes = result.Nodes.Skip(offset).Select((node, i) => (offset + i, node)).ToList();
        var edges = result.Edges.Where(e => Math.Max(position[e.Source], position[e.Target]) >= offset || offset == 0).ToList();
        return new LineagePage(nodes, edges);
    }
}
