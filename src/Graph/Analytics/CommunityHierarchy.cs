namespace CiteGraph.Graph.Analytics;

/// <summary>
/// Communities at several levels, coarse to fine, each level nesting in the one above: level 0 is Louvain's or Leiden's
/// partition of the whole graph (the modularity optimum: fields), and each further level splits every community of at
/// least <see cref="MinSplitSize"/> papers by running the same algorithm on the subgraph its members induce (subfields),
/// as graspologic's hierarchical Leiden does. A community that does not split, or is too small to, is its own child, so
/// every level covers every paper.
/// </summary>
/// <remarks>
/// The levels Louvain and Leiden go through inside one run are not used as the hierarchy: Leiden's later levels start
/// from refined partitions, so they need not nest, and both stop where modularity does, which on a corpus of 10,000
/// papers leaves a few dozen communities and no finer view.
/// </remarks>
public sealed record CommunityHierarchy
{
    /// <summary>Communities smaller than this are not split further.</summary>
    public const int MinSplitSize = 40;

    /// <summary>Levels kept, the whole-graph partition included.</summary>
    public const int MaxLevels = 3;

    /// <summary>The whole-graph run, level 0.</summary>
    public required CommunityResult Top { get; init; }

    /// <summary>
    /// Per level (0 = coarsest), the community of each node. Ids are unique across levels: level 0 numbers its communities
    /// 0, 1, … from the largest, and each further level goes on from the previous level's last id.
    /// </summary>
    public required IReadOnlyList<int[]> Levels { get; init; }

    /// <summary>Computes the hierarchy with <paramref name="detect"/> (Louvain or Leiden with the run's options).</summary>
    public static CommunityHierarchy Compute(CsrGraph graph, Func<CsrGraph, CommunityResult> detect)
    {
        ArgumentNullException.ThrowIfNull(detect);
        return Compute(graph, (g, _, _) => detect(g));
    }

    /// <summary>
    /// Computes the hierarchy with <paramref name="detect"/>, which also hears the level it computes and, below level 0, the
    /// nodes (of <paramref name="graph"/>) its subgraph is made of, in the subgraph's order: what a warm start needs to
    /// begin each detection from the previous run's partition of the same papers.
    /// </summary>
    public static CommunityHierarchy Compute(CsrGraph graph, Func<CsrGraph, int, IReadOnlyList<int>?, CommunityResult> detect)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(detect);
        var top = detect(graph, 0, null);
        var n = graph.NodeCount;
        var first = new int[n];
        var next = NumberBySize(top.Communities.Select(c => (long)c).ToArray(), first, 0);
        var levels = new List<int[]> { first };
        var undirected = graph.IsUndirected ? graph : graph.ToUndirected();
        while (levels.Count < MaxLevels)
        {
            var above = levels[^1];
            var members = Members(above);
            var keys = new long[n];
            var split = false;
            // Position of each node in the subgraph being built, -1 elsewhere: reset per subgraph on its own nodes only, as
            // filling all n entries per community made a level cost n × communities (10M papers × 1,001 parents).
            var local = new int[n];
            Array.Fill(local, -1);
            foreach (var nodes in members.Values)
            {
                var parts = nodes.Count >= MinSplitSize ? detect(Induced(undirected, nodes, local), levels.Count, nodes) : null;
                if (parts is { CommunityCount: > 1 })
                {
                    split = true;
                }

                // Part ids made unique across parents: parent id times n plus the part.
                for (var i = 0; i < nodes.Count; i++)
                {
                    keys[nodes[i]] = ((long)above[nodes[i]] * n) + (parts is { CommunityCount: > 1 } ? parts.Communities[i] : 0);
                }
            }

            if (!split)
            {
                break;
            }

            var level = new int[n];
            next = NumberBySize(keys, level, next);
            levels.Add(level);
        }

        return new CommunityHierarchy { Top = top, Levels = levels };
    }

    /// <summary>The community ids of <paramref name="level"/>, with each member list.</summary>
    internal static Dictionary<int, List<int>> Members(int[] level)
    {
        var members = new Dictionary<int, List<int>>();
        for (var v = 0; v < level.Length; v++)
        {
            if (!members.TryGetValue(level[v], out var list))
            {
                members[level[v]] = list = [];
            }

            list.Add(v);
        }

        return members;
    }

    /// <summary>Numbers the communities <paramref name="keys"/> name <paramref name="start"/>, … by size, largest first, into <paramref name="level"/>; returns the next free id.</summary>
    private static int NumberBySize(long[] keys, int[] level, int start)
    {
        var sizes = new Dictionary<long, int>();
        foreach (var c in keys)
        {
            sizes[c] = sizes.GetValueOrDefault(c) + 1;
        }

        var order = sizes.OrderByDescending(s => s.Value).ThenBy(s => s.Key).Select((s, i) => (s.Key, Id: start + i)).ToDictionary(s => s.Key, s => s.Id);
        for (var v = 0; v < keys.Length; v++)
        {
            level[v] = order[keys[v]];
        }

        return start + order.Count;
    }

    /// <summary>
    /// The subgraph <paramref name="nodes"/> induce in <paramref name="graph"/> (undirected, without duplicate edges), as an
    /// undirected view, nodes numbered by their position; <paramref name="local"/> is -1 everywhere on entry and is left so.
    /// </summary>
    /// <remarks>
    /// Built straight into arrays of its size, counted first: each row lists its lower neighbours in ascending order and
    /// then its higher ones in <paramref name="graph"/>'s order, as symmetrizing the subgraph's arcs from lower to higher
    /// position did (<see cref="CsrGraph.ToUndirected"/>), so the partitions stay as they were. Lists of every arc, their
    /// copies and a directed graph on the way cost ~5 times the view: ~1.5 GB for the largest community at 10M papers.
    /// </remarks>
    internal static CsrGraph Induced(CsrGraph graph, List<int> nodes, int[] local)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            local[nodes[i]] = i;
        }

        var offsets = new int[nodes.Count + 1];
        for (var i = 0; i < nodes.Count; i++)
        {
            foreach (var neighbour in graph.OutNeighbors(nodes[i]))
            {
                var j = local[neighbour];
                if (j > i)
                {
                    offsets[i + 1]++;
                    offsets[j + 1]++;
                }
            }
        }

        for (var i = 0; i < nodes.Count; i++)
        {
            offsets[i + 1] += offsets[i];
        }

        var adjacency = new int[offsets[^1]];
        var weights = new float[offsets[^1]];
        var fill = offsets[..^1];
        for (var i = 0; i < nodes.Count; i++)
        {
            var neighbours = graph.OutNeighbors(nodes[i]);
            var w = graph.OutWeights(nodes[i]);
            for (var e = 0; e < neighbours.Length; e++)
            {
                var j = local[neighbours[e]];
                // Each edge once, from its lower end: i joins j's row after the rows of every lower node, so rows stay ascending there.
                if (j > i)
                {
                    var weight = w.IsEmpty ? 1f : w[e];
                    (adjacency[fill[i]], weights[fill[i]++]) = (j, weight);
                    (adjacency[fill[j]], weights[fill[j]++]) = (i, weight);
                }
            }
        }

        foreach (var v in nodes)
        {
            local[v] = -1;
        }

        return CsrGraph.FromUndirectedRows(offsets, adjacency, adjacency.Length == 0 ? null : weights);
    }
}
