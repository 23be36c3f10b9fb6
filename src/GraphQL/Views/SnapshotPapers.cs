using CiteGraph.Graph.Model;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Traversal;
using CiteGraph.GraphQL.Errors;

namespace CiteGraph.GraphQL.Views;

/// <summary>Turns traversal results (dense snapshot indexes) into papers with one batched store read.</summary>
internal static class SnapshotPapers
{
    /// <summary>The snapshot index of a paper given by any id; a NOT_FOUND error when neither store nor snapshot knows it.</summary>
    public static async Task<(int Index, Paper Paper)> ResolveAsync(IGraphStore store, GraphSnapshot snapshot, string argument, string id, CancellationToken cancellationToken)
    {
        // A CiteGraph id the snapshot knows, whose row the snapshot's cache holds, needs no store read.
        if (snapshot.TryGetIndex(id, out var known) && SnapshotCaches.Of(snapshot).TryGetPaper(id, out var cached))
        {
            return (known, cached);
        }

        var paper = await store.FindPaperAsync(id, cancellationToken);
        if (paper is null)
        {
            throw new NotFoundError(argument, id);
        }

        if (!snapshot.TryGetIndex(paper.Id, out var index))
        {
            throw new NotFoundError(argument, id, "is newer than the graph snapshot; retry in a moment.");
        }

        SnapshotCaches.Of(snapshot).AddPaper(paper);
        return (index, paper);
    }

    /// <summary>
    /// The papers at snapshot indexes, read in one batch from the store except those the snapshot's cache already holds
    /// (see <see cref="SnapshotCaches"/>); a paper deleted since the snapshot was built is left out.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, Paper>> LoadAsync(IGraphStore store, GraphSnapshot snapshot, IEnumerable<int> indexes, CancellationToken cancellationToken)
    {
        var distinct = indexes.Distinct().ToList();
        var cache = SnapshotCaches.Of(snapshot);
        var result = new Dictionary<int, Paper>(distinct.Count);
        var missing = new List<string>();
        foreach (var index in distinct)
        {
            if (cache.TryGetPaper(snapshot.PaperId(index), out var cached))
            {
                result[index] = cached;
            }
            else
            {
                missing.Add(snapshot.PaperId(index));
            }
        }

        if (missing.Count == 0)
        {
            return result;
        }

        var papers = await store.GetPapersAsync(missing, cancellationToken);
        foreach (var index in distinct)
        {
            // A paper deleted since the snapshot was built is left out rather than failing the whole answer.
            if (!result.ContainsKey(index) && papers.TryGetValue(snapshot.PaperId(index), out var paper))
            {
                result[index] = paper;
                cache.AddPaper(paper);
            }
        }

        return result;
    }

    public static GraphEdgeView Edge(GraphSnapshot snapshot, TraversalEdge edge) =>
        new(snapshot.PaperId(edge.Source), snapshot.PaperId(edge.Target), edge.Kind, edge.Confidence, edge.Evidence, edge.Via);
}
