using System.Globalization;
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

    /// <summary>
    /// The edges as views, each CO_TOPIC edge with the shared topics that made it as its evidence (and
    /// <see cref="GraphEdgeView.SharedTopics"/>): one store read for all of them, since the snapshot keeps only weights.
    /// </summary>
    public static async Task<IReadOnlyList<GraphEdgeView>> EdgesAsync(IGraphStore store, GraphSnapshot snapshot, IEnumerable<TraversalEdge> edges, CancellationToken cancellationToken)
    {
        var views = edges.Select(e => Edge(snapshot, e)).ToList();
        var pairs = views.Where(v => v.Kind == EdgeKinds.CoTopic).Select(v => new PaperPair(v.Source, v.Target)).Distinct().ToList();
        if (pairs.Count == 0)
        {
            return views;
        }

        var evidence = await store.GetCoTopicEvidenceAsync(pairs, cancellationToken).ConfigureAwait(false);
        return views.Select(v => v.Kind != EdgeKinds.CoTopic ? v
            : evidence.TryGetValue(new PaperPair(v.Source, v.Target), out var reasons) && reasons.Count > 0
                ? v with { Evidence = CoTopicReasons.Describe(reasons), SharedTopics = reasons }
                // The snapshot predates the store's topic layer (a derive ran since): say what the edge is, not nothing.
                : v with { Evidence = $"shares idf-weighted topics (score {v.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}); re-derived since, topics not at hand" })
            .ToList();
    }
}
