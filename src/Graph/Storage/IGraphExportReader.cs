namespace CiteGraph.Graph.Storage;

/// <summary>
/// A role of a graph store: the whole graph read out table by table, a row at a time, for bulk exports (the
/// <c>neo4j-admin database import</c> files). Rows are streamed (the SQLite store from one read transaction, the Neo4j
/// store a page at a time by key), so an export holds one page in memory whatever the graph's size. A store
/// implements every role it supports; <see cref="IGraphStore"/> is all of them.
/// </summary>
public interface IGraphExportReader
{
    /// <summary>
    /// Every row of <paramref name="table"/>, its values in the order and of the types of
    /// <see cref="ExportTables.Get"/>'s columns (<see cref="string"/>, <see cref="long"/>, <see cref="double"/>,
    /// <see cref="bool"/>, <see cref="T:string[]"/>; null for an absent value), ordered by the table's key.
    /// </summary>
    IAsyncEnumerable<object?[]> ReadExportRowsAsync(ExportTable table, CancellationToken cancellationToken = default);
}
