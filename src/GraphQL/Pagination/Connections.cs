using CiteGraph.Graph.Storage;
using GraphQL.Types.Relay.DataObjects;

namespace CiteGraph.GraphQL.Pagination;

/// <summary>Relay connections over offset pages: the cursor of an item is its 1-based position.</summary>
internal static class Connections
{
    public static Connection<T> Of<T>(Page<T> page, int after)
    {
        var edges = page.Items.Select((item, i) => new Edge<T> { Cursor = Cursor.Encode(after + i + 1), Node = item }).ToList();
        return new Connection<T>
        {
            Edges = edges,
            TotalCount = page.TotalCount,
            PageInfo = new PageInfo
            {
                HasNextPage = page.HasNextPage(after),
                HasPreviousPage = after > 0,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
        };
    }
}
