using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Traversal;

namespace CiteGraph.Graph.Export;

/// <summary>Collects what an export writes: the topology from a snapshot, titles, ids and repositories from the store.</summary>
public static class ExportGraphBuilder
{
    /// <summary>Builds the export of <paramref name="scope"/>.</summary>
    /// <exception cref="ArgumentException">A seed names no paper, or the scope has no edge kinds.</exception>
    public static async Task<ExportGraph> BuildAsync(GraphSnapshot snapshot, IPaperReader store, ExportScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(scope);
        if ((scope.Kinds & EdgeKinds.All) == EdgeKinds.None)
        {
            throw new ArgumentException("An export needs at least one edge kind.", nameof(scope));
        }

        var filter = new EdgeFilter(scope.Kinds & EdgeKinds.All);

        SubgraphResult sub;
        if (scope.IsEverything)
        {
            var all = Enumerable.Range(0, snapshot.PaperCount).ToList();
            sub = Subgraph.Compute(snapshot, all, radius: 0, maxNodes: Math.Max(1, all.Count), filter, int.MaxValue);
            sub = sub with { Seeds = new HashSet<int>() };
        }
        else
        {
            var seeds = new List<int>();
            foreach (var seed in scope.Seeds)
            {
                var paper = await store.FindPaperAsync(seed, cancellationToken).ConfigureAwait(false);
                if (paper is null || !snapshot.TryGetIndex(paper.Id, out var index))
                {
                    throw new ArgumentException($"Seed '{seed}' names no paper.", nameof(scope));
                }

                seeds.Add(index);
            }

            sub = Subgraph.Compute(snapshot, seeds, scope.Radius, scope.MaxNodes, filter, scope.MaxEdges);
        }

        var ids = sub.Nodes.Select(snapshot.PaperId).ToList();
        var papers = await store.GetPapersAsync(ids, cancellationToken).ConfigureAwait(false);
        var repos = await store.GetReposOfPapersAsync(ids, cancellationToken).ConfigureAwait(false);
        var nodes = new List<ExportNode>(ids.Count);
        foreach (var index in sub.Nodes)
        {
            var id = snapshot.PaperId(index);
            papers.TryGetValue(id, out var paper);
            var title = string.IsNullOrWhiteSpace(paper?.Title) ? id : paper.Title;
            nodes.Add(new ExportNode(
                id, title, snapshot.Year(index), paper?.Published, snapshot.Community(index), snapshot.PageRank(index),
                sub.Seeds.Contains(index), snapshot.IsStub(index), paper?.ArxivId, paper?.Doi,
                repos.TryGetValue(id, out var links) ? links.Select(l => l.Repo.Url).Distinct(StringComparer.Ordinal).ToList() : []));
        }

        var edges = sub.Edges.Select(e => new ExportEdge(
            snapshot.PaperId(e.Source), snapshot.PaperId(e.Target), ExportEdgeKinds.NameOf(e.Kind), e.Confidence, e.Evidence, e.Via)).ToList();
        return new ExportGraph(nodes, edges, sub.Truncated);
    }

}
