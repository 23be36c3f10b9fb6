namespace CiteGraph.Graph.Analytics;

/// <summary>
/// Leiden community detection (Traag, Waltman &amp; van Eck 2019) maximizing modularity with resolution γ on the weighted
/// undirected view (<see cref="CsrGraph.ToUndirected"/>). Sequential and deterministic for a given <see cref="CommunityOptions.Seed"/>.
/// </summary>
/// <remarks>
/// Each level runs the queue-based fast local moving, refines every community by merging well-connected singletons into
/// well-connected sub-communities (randomness θ), and aggregates the refined partition while starting the next level from the
/// unrefined one. A final pass splits any community that is not connected into its connected parts (this can only raise
/// modularity), so every returned community is connected. With <see cref="LeidenOptions.InitialPartition"/> the first
/// iteration starts from that partition rather than from singletons (a warm start, as leidenalg's <c>initial_membership</c>).
/// </remarks>
public static class Leiden
{
    /// <summary>Computes communities indexed by dense node id.</summary>
    public static CommunityResult Compute(CsrGraph graph, LeidenOptions? options = null) => ComputeProfiled(graph, options, null);

    /// <summary>As <see cref="Compute(CsrGraph, LeidenOptions?)"/>, adding where the time goes to <paramref name="profile"/> when given.</summary>
    internal static CommunityResult ComputeProfiled(CsrGraph graph, LeidenOptions? options, LeidenProfile? profile)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new LeidenOptions();
        var start = profile?.Now() ?? TimeSpan.Zero;
        var inPhases = profile is null ? TimeSpan.Zero : PhaseTime(profile);
        var original = CommunityGraph.From(graph);
        int n = original.NodeCount;
        // A warm start begins from the given partition (a previous run's, new nodes alone), so a re-run on a graph that
        // barely changed converges to a nearby partition instead of wherever a new seed's first moves lead.
        var partition = options.InitialPartition is { } initial ? WarmStart.Dense(initial, n) : Louvain.Identity(n);
        var levels = new List<int[]>();
        var modularities = new List<double>();
        var random = new Random(options.Seed);
        for (int iteration = 0; iteration < options.Iterations; iteration++)
        {
            if (!RunIteration(original, partition, options, random, levels, modularities, profile))
            {
                break;
            }
        }

        partition = SplitDisconnected(original, partition, out int count);
        double q = original.Modularity(partition, options.Resolution);
        if (levels.Count == 0 || !levels[^1].AsSpan().SequenceEqual(partition))
        {
            levels.Add((int[])partition.Clone());
            modularities.Add(q);
        }

        if (profile is not null)
        {
            profile.Runs++;
            profile.Other += profile.Now() - start - (PhaseTime(profile) - inPhases);
        }

        return new CommunityResult(partition, count, q, levels, modularities);
    }

    private static TimeSpan PhaseTime(LeidenProfile profile) =>
        profile.Levels.Aggregate(TimeSpan.Zero, (sum, l) => sum + l.LocalMoving + l.Refinement + l.Aggregation);

    /// <summary>One Leiden iteration starting from <paramref name="partition"/> (updated in place); returns whether a node moved.</summary>
    private static bool RunIteration(
        CommunityGraph original, int[] partition, LeidenOptions options, Random random, List<int[]> levels, List<double> modularities,
        LeidenProfile? profile)
    {
        int n = original.NodeCount;
        var g = original;
        var membership = Louvain.Identity(n);
        var community = (int[])partition.Clone();
        bool changed = false;
        for (int level = 0; level < options.MaxLevels; level++)
        {
            var row = profile?.Level(level);
            var phase = profile?.Now() ?? TimeSpan.Zero;
            changed |= LeidenMoves.FastLocalMoving(g, community, options.Resolution, random, row);
            if (row is not null)
            {
                row.Entries++;
                row.Nodes += g.NodeCount;
                row.Arcs += g.Adjacency.Length;
                row.LocalMoving += profile!.Now() - phase;
            }

            int count = CommunityGraph.Renumber(community);
            for (int v = 0; v < n; v++)
            {
                partition[v] = community[membership[v]];
            }

            levels.Add((int[])partition.Clone());
            modularities.Add(g.Modularity(community, options.Resolution));
            if (count == g.NodeCount)
            {
                break;
            }

            phase = profile?.Now() ?? TimeSpan.Zero;
            var refined = LeidenMoves.Refine(g, community, count, options, random, out int refinedCount);
            row?.Refinement += profile!.Now() - phase;
            if (refinedCount == g.NodeCount)
            {
                break;
            }

            var next = new int[refinedCount];
            for (int v = 0; v < g.NodeCount; v++)
            {
                next[refined[v]] = community[v];
            }

            for (int v = 0; v < n; v++)
            {
                membership[v] = refined[membership[v]];
            }

            phase = profile?.Now() ?? TimeSpan.Zero;
            g = g.Aggregate(refined, refinedCount);
            row?.Aggregation += profile!.Now() - phase;
            community = next;
        }

        return changed;
    }

    /// <summary>Relabels so that every community is connected (BFS inside each community); ids dense.</summary>
    internal static int[] SplitDisconnected(CommunityGraph g, int[] partition, out int count)
    {
        int n = g.NodeCount;
        var result = new int[n];
        Array.Fill(result, -1);
        var queue = new int[n];
        count = 0;
        for (int s = 0; s < n; s++)
        {
            if (result[s] >= 0)
            {
                continue;
            }

            int id = count++;
            result[s] = id;
            int head = 0, tail = 0;
            queue[tail++] = s;
            while (head < tail)
            {
                int v = queue[head++];
                for (int e = g.Offsets[v]; e < g.Offsets[v + 1]; e++)
                {
                    int u = g.Adjacency[e];
                    if (result[u] < 0 && partition[u] == partition[v])
                    {
                        result[u] = id;
                        queue[tail++] = u;
                    }
                }
            }
        }

        return result;
    }
}
