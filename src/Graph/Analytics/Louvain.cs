namespace CiteGraph.Graph.Analytics;

/// <summary>
/// Louvain community detection (Blondel et al. 2008) maximizing modularity with resolution γ on the weighted undirected view
/// (<see cref="CsrGraph.ToUndirected"/>). Sequential and deterministic for a given <see cref="CommunityOptions.Seed"/>.
/// </summary>
/// <remarks>
/// Each level moves single nodes (in a seeded random order) to the neighbouring community with the largest modularity gain,
/// pass after pass until a pass gains less than <see cref="LouvainOptions.Tolerance"/> or <see cref="LouvainOptions.MaxIterations"/>
/// passes ran, then aggregates every community into one node. Levels stop when nothing moves, the level gains less than the
/// tolerance, or <see cref="CommunityOptions.MaxLevels"/> is reached. Louvain communities are not guaranteed to be connected;
/// use <see cref="Leiden"/> when that matters.
/// </remarks>
public static class Louvain
{
    /// <summary>Computes communities indexed by dense node id.</summary>
    public static CommunityResult Compute(CsrGraph graph, LouvainOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new LouvainOptions();
        var g = CommunityGraph.From(graph);
        int n = g.NodeCount;
        var membership = Identity(n);
        var levels = new List<int[]>();
        var modularities = new List<double>();
        var random = new Random(options.Seed);
        double previous = g.Modularity(membership, options.Resolution);
        for (int level = 0; level < options.MaxLevels; level++)
        {
            var community = Identity(g.NodeCount);
            if (!MoveNodes(g, community, options, random))
            {
                break;
            }

            int count = CommunityGraph.Renumber(community);
            for (int v = 0; v < n; v++)
            {
                membership[v] = community[membership[v]];
            }

            // Aggregation preserves modularity, so the small graph gives the value for the original nodes.
            double q = g.Modularity(community, options.Resolution);
            levels.Add((int[])membership.Clone());
            modularities.Add(q);
            if (count == g.NodeCount || q - previous < options.Tolerance)
            {
                break;
            }

            previous = q;
            g = g.Aggregate(community, count);
        }

        if (levels.Count == 0)
        {
            return new CommunityResult(membership, n, previous, [(int[])membership.Clone()], [previous]);
        }

        var final = levels[^1];
        return new CommunityResult((int[])final.Clone(), final.Length == 0 ? 0 : final.Max() + 1, modularities[^1], levels, modularities);
    }

    internal static int[] Identity(int n)
    {
        var ids = new int[n];
        for (int v = 0; v < n; v++)
        {
            ids[v] = v;
        }

        return ids;
    }

    internal static int[] Shuffled(int n, Random random)
    {
        var order = Identity(n);
        random.Shuffle(order);
        return order;
    }

    /// <summary>Local moving phase; returns whether any node changed community.</summary>
    private static bool MoveNodes(CommunityGraph g, int[] community, LouvainOptions options, Random random)
    {
        int n = g.NodeCount;
        double m2 = g.TotalWeight;
        if (m2 <= 0)
        {
            return false;
        }

        double[] k = g.Strength;
        var tot = new double[n];
        for (int v = 0; v < n; v++)
        {
            tot[community[v]] += k[v];
        }

        var order = Shuffled(n, random);
        var neighbourWeight = new double[n];
        var touched = new int[n];
        double gamma = options.Resolution;
        bool anyMove = false;
        for (int pass = 0; pass < options.MaxIterations; pass++)
        {
            double gained = 0;
            int moves = 0;
            foreach (int v in order)
            {
                int touchedCount = g.GatherNeighbourCommunities(v, community, neighbourWeight, touched);

                int current = community[v];
                double kv = k[v];
                tot[current] -= kv;
                double factor = gamma * kv / m2;
                double stay = neighbourWeight[current] - factor * tot[current];
                int best = CommunityGraph.BestNeighbourCommunity(
                    touched, touchedCount, neighbourWeight, tot, factor, current, stay, out double bestGain);

                tot[best] += kv;
                if (best != current)
                {
                    community[v] = best;
                    moves++;
                    gained += bestGain - stay;
                }
            }

            anyMove |= moves > 0;
            if (moves == 0 || 2 * gained / m2 < options.Tolerance)
            {
                break;
            }
        }

        return anyMove;
    }
}
