using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Storage.Neo4j;

/// <summary>A CITES relationship as a traversal reads it.</summary>
public sealed record CitationEdge(string Source, string Target, CitationKind Kind, double Confidence, string? Evidence);

/// <summary>Papers reached from a start paper, each with its distance in hops, and the citations walked.</summary>
public sealed record Traversal(IReadOnlyDictionary<string, int> Depths, IReadOnlyList<CitationEdge> Edges);

public sealed partial class Neo4jGraphStore
{
    /// <summary>Longest lineage or subgraph walk, in hops, and longest path, that the store answers directly from Neo4j.</summary>
    public const int MaxTraversalDepth = 10;

    /// <summary>
    /// One hop of the citation graph from <paramref name="ids"/>: what they cite (<paramref name="outgoing"/>) and what
    /// cites them (<paramref name="incoming"/>), at most <paramref name="limit"/> relationships. (Served from Neo4j, for
    /// tools that query the store directly; the API answers traversals from its in-memory snapshot.)
    /// </summary>
    public async Task<IReadOnlyList<CitationEdge>> GetNeighborsAsync(IReadOnlyCollection<string> ids, bool outgoing = true, bool incoming = true,
        CitationKind? kind = null, double minConfidence = 0, int limit = 10_000, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (ids.Count == 0 || !(outgoing || incoming))
        {
            return [];
        }

        var result = await RunAsync(
            "neighbors", cancellationToken, ("ids", ids.Distinct(StringComparer.Ordinal).ToArray()), ("outgoing", outgoing), ("incoming", incoming),
            ("kind", kind switch { null => null, CitationKind.Explicit => "explicit", _ => "inferred" }), ("minConfidence", minConfidence), ("limit", limit))
            .ConfigureAwait(false);
        return result.Select(r =>
        {
            var (from, to) = r.GetBoolean("outgoing") ? (r.GetString("id"), r.GetString("neighbor")) : (r.GetString("neighbor"), r.GetString("id"));
            return new CitationEdge(from, to, ReadKind(r.GetString("kind")), r.GetDouble("confidence"), r.GetStringOrNull("evidence"));
        });
    }

    /// <summary>
    /// The lineage of a paper to <paramref name="maxDepth"/> hops: its ancestors (what it cites, transitively) or its
    /// descendants (what cites it), breadth first, one request per hop, stopping after <paramref name="maxNodes"/> papers.
    /// </summary>
    public Task<Traversal> GetLineageAsync(string id, bool ancestors, int maxDepth, int maxNodes = 200, CitationKind? kind = null,
        double minConfidence = 0, CancellationToken cancellationToken = default) =>
        WalkAsync([id], ancestors, !ancestors, maxDepth, maxNodes, kind, minConfidence, cancellationToken);

    /// <summary>The papers within <paramref name="radius"/> hops of the seeds, either direction, at most <paramref name="maxNodes"/>.</summary>
    public Task<Traversal> GetSubgraphAsync(IReadOnlyCollection<string> seeds, int radius, int maxNodes = 200, CancellationToken cancellationToken = default) =>
        WalkAsync(seeds, true, true, radius, maxNodes, null, 0, cancellationToken);

    /// <summary>A shortest chain of citations between two papers (either direction) of at most <paramref name="maxLength"/> hops, or null.</summary>
    public async Task<IReadOnlyList<CitationEdge>?> FindPathAsync(string from, string to, int maxLength, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLength, MaxTraversalDepth);
        if (from == to)
        {
            // shortestPath refuses a path from a node to itself.
            return [];
        }

        var result = await RunAsync("shortest-path", cancellationToken, ("from", from), ("to", to)).ConfigureAwait(false);
        if (result.Rows.Count == 0)
        {
            return null;
        }

        var edges = result.Rows[0].GetList("edges").Select(Neo4jRow.FromMap)
            .Select(e => new CitationEdge(e.GetString("source"), e.GetString("target"), ReadKind(e.GetString("kind")), e.GetDouble("confidence"), null))
            .ToList();
        return edges.Count <= maxLength ? edges : null;
    }

    private async Task<Traversal> WalkAsync(IReadOnlyCollection<string> seeds, bool outgoing, bool incoming, int maxDepth, int maxNodes,
        CitationKind? kind, double minConfidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDepth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDepth, MaxTraversalDepth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxNodes);
        var depths = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var seed in seeds)
        {
            depths.TryAdd(seed, 0);
        }

        var edges = new List<CitationEdge>();
        var seen = new HashSet<(string, string, CitationKind)>();
        var frontier = depths.Keys.ToList();
        for (var depth = 1; depth <= maxDepth && frontier.Count > 0 && depths.Count < maxNodes; depth++)
        {
            var next = new List<string>();
            foreach (var edge in await GetNeighborsAsync(frontier, outgoing, incoming, kind, minConfidence, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                var other = depths.ContainsKey(edge.Target) && !depths.ContainsKey(edge.Source) ? edge.Source
                    : depths.ContainsKey(edge.Source) && !depths.ContainsKey(edge.Target) ? edge.Target
                    : null;
                if (other is not null)
                {
                    if (depths.Count >= maxNodes)
                    {
                        continue;
                    }

                    depths[other] = depth;
                    next.Add(other);
                }

                if (seen.Add((edge.Source, edge.Target, edge.Kind)))
                {
                    edges.Add(edge);
                }
            }

            frontier = next;
        }

        return new Traversal(depths, edges);
    }

    private static CitationKind ReadKind(string kind) => kind == "inferred" ? CitationKind.Inferred : CitationKind.Explicit;
}
