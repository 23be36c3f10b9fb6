using CiteGraph.Graph.Snapshot;

namespace CiteGraph.Graph.Traversal;

/// <summary>A path between two papers: the papers in order and the edge used for each hop.</summary>
public sealed record PathResult(IReadOnlyList<int> Nodes, IReadOnlyList<TraversalEdge> Edges)
{
    public int Length => Edges.Count;
}

/// <summary>
/// How two papers are connected: the shortest path and the next shortest loopless ones (Yen's algorithm), over the
/// undirected view of the allowed edges, with a bidirectional breadth-first search bounded by the maximum length.
/// </summary>
public static class PathFinder
{
    /// <summary>Up to <paramref name="first"/> loopless paths of at most <paramref name="maxLength"/> hops, shortest first.</summary>
    public static IReadOnlyList<PathResult> Connect(GraphSnapshot snapshot, int from, int to, int maxLength, EdgeFilter filter, int first)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        if (from == to)
        {
            return [new PathResult([from], [])];
        }

        var banNodes = new HashSet<int>();
        var banEdges = new HashSet<long>();
        // One search usually finds enough equally short paths (one per edge where the two searches meet); only when it
        // does not are longer ones needed, and Yen's algorithm takes over.
        var shortestPaths = Shortest(snapshot, from, to, maxLength, filter, banNodes, banEdges, first);
        if (shortestPaths.Count == 0)
        {
            return [];
        }

        if (shortestPaths.Count >= first)
        {
            return shortestPaths.Take(first).Select(p => new PathResult(p, Hops(snapshot, p, filter))).ToList();
        }

        var shortest = shortestPaths[0];
        var found = new List<List<int>> { shortest };
        var candidates = new List<List<int>>();
        var seen = new HashSet<string> { Key(shortest) };
        while (found.Count < first)
        {
            var last = found[^1];
            for (var i = 0; i < last.Count - 1; i++)
            {
                var spur = last[i];
                var root = last.GetRange(0, i + 1);
                banNodes.Clear();
                banEdges.Clear();
                foreach (var path in found)
                {
                    if (path.Count > i + 1 && path.Take(i + 1).SequenceEqual(root))
                    {
                        banEdges.Add(EdgeKey(path[i], path[i + 1]));
                    }
                }

                foreach (var node in root.Take(i))
                {
                    banNodes.Add(node);
                }

                var spurPaths = Shortest(snapshot, spur, to, maxLength - i, filter, banNodes, banEdges, want: 1);
                if (spurPaths.Count == 0)
                {
                    continue;
                }

                var spurPath = spurPaths[0];

                var total = root.Take(i).Concat(spurPath).ToList();
                if (total.Count - 1 <= maxLength && seen.Add(Key(total)))
                {
                    candidates.Add(total);
                }
            }

            if (candidates.Count == 0)
            {
                break;
            }

            var best = candidates.MinBy(c => c.Count)!;
            candidates.Remove(best);
            found.Add(best);
        }

        return found.Select(p => new PathResult(p, Hops(snapshot, p, filter))).ToList();
    }

    /// <summary>
    /// Bidirectional BFS: up to <paramref name="want"/> distinct shortest paths (one per meeting edge of minimal length),
    /// none when no path of at most <paramref name="maxLength"/> hops avoids the banned nodes and edges.
    /// </summary>
    private static List<List<int>> Shortest(
        GraphSnapshot snapshot, int from, int to, int maxLength, EdgeFilter filter, HashSet<int> banNodes, HashSet<long> banEdges, int want)
    {
        const byte Forward = 1, Backward = 2;
        var seen = SearchScratch.Rent(snapshot.PaperCount);
        seen.Mark(from, Forward, -1, 0);
        seen.Mark(to, Backward, -1, 0);
        var frontierFrom = new List<int> { from };
        var frontierTo = new List<int> { to };
        var g = snapshot.Citations;
        // With no inferred citations and citations allowed, every citation passes: no per-edge look-up.
        var allCitations = filter.FollowsCitations && (!snapshot.HasInferredCitations
            ? (filter.Kinds & EdgeKinds.Cites) != 0
            : (filter.Kinds & EdgeKinds.Citations) == EdgeKinds.Citations && filter.MinConfidence <= 0);
        var checkBans = banNodes.Count > 0 || banEdges.Count > 0;
        for (var hops = 1; hops <= maxLength && frontierFrom.Count > 0 && frontierTo.Count > 0; hops++)
        {
            // Grow the smaller side by one whole level: the search stays as local as the graph allows.
            var forward = frontierFrom.Count <= frontierTo.Count;
            var (frontier, side) = forward ? (frontierFrom, Forward) : (frontierTo, Backward);
            var next = new List<int>();
            var bestLength = int.MaxValue;
            var meets = new List<(int Node, int Neighbor)>();

            void Visit(int node, int neighbor, int depth)
            {
                if (checkBans && (banNodes.Contains(neighbor) || banEdges.Contains(EdgeKey(node, neighbor))))
                {
                    return;
                }

                if (!seen.Seen(neighbor))
                {
                    seen.Mark(neighbor, side, node, depth + 1);
                    next.Add(neighbor);
                }
                else if (seen.Side(neighbor) != side)
                {
                    var length = depth + 1 + seen.Depth(neighbor);
                    if (length < bestLength)
                    {
                        bestLength = length;
                        meets.Clear();
                    }

                    if (length == bestLength && meets.Count < want)
                    {
                        meets.Add((node, neighbor));
                    }
                }
            }

            foreach (var node in frontier)
            {
                var depth = seen.Depth(node);
                if (filter.FollowsCitations)
                {
                    foreach (var cited in g.OutNeighbors(node))
                    {
                        if (allCitations || filter.Allows(snapshot.Citation(node, cited)))
                        {
                            Visit(node, cited, depth);
                        }
                    }

                    foreach (var citing in g.InNeighbors(node))
                    {
                        if (allCitations || filter.Allows(snapshot.Citation(citing, node)))
                        {
                            Visit(node, citing, depth);
                        }
                    }
                }

                if (filter.FollowsCoTopic)
                {
                    foreach (var mate in snapshot.CoTopic.OutNeighbors(node))
                    {
                        Visit(node, mate, depth);
                    }
                }

                if (filter.FollowsRepos)
                {
                    foreach (var repo in snapshot.ReposOf(node))
                    {
                        foreach (var mate in snapshot.PapersOfRepo(repo))
                        {
                            if (mate != node)
                            {
                                Visit(node, mate, depth);
                            }
                        }
                    }
                }
            }

            if (meets.Count > 0 && bestLength <= maxLength)
            {
                // Walk from each meeting edge back to both ends. Every node belongs to one search tree, so paths through
                // different meeting edges differ, and none repeats a node.
                var paths = new List<List<int>>(meets.Count);
                foreach (var (node, neighbor) in meets)
                {
                    var (a, b) = forward ? (node, neighbor) : (neighbor, node);
                    var path = new List<int>();
                    for (var n = a; n != -1; n = seen.Parent(n))
                    {
                        path.Add(n);
                    }

                    path.Reverse();
                    for (var n = b; n != -1; n = seen.Parent(n))
                    {
                        path.Add(n);
                    }

                    paths.Add(path);
                }

                return paths;
            }

            if (forward)
            {
                frontierFrom = next;
            }
            else
            {
                frontierTo = next;
            }
        }

        return [];
    }

    /// <summary>For each hop, the strongest edge joining the two papers: explicit citation, then inferred, then shared repository, then co-topic.</summary>
    private static List<TraversalEdge> Hops(GraphSnapshot snapshot, List<int> path, EdgeFilter filter)
    {
        var hops = new List<TraversalEdge>(path.Count - 1);
        var edges = new List<TraversalEdge>();
        for (var i = 0; i + 1 < path.Count; i++)
        {
            edges.Clear();
            Neighborhood.Undirected(snapshot, path[i], filter, edges);
            var next = path[i + 1];
            hops.Add(edges.Where(e => Neighborhood.Other(e, path[i]) == next)
                .OrderBy(e => e.Kind switch { EdgeKinds.Cites => 0, EdgeKinds.CitesInferred => 1, EdgeKinds.SharedRepo => 2, _ => 3 })
                .ThenByDescending(e => e.Confidence)
                .First());
        }

        return hops;
    }

    private static long EdgeKey(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    private static string Key(List<int> path) => string.Join(',', path);
}
