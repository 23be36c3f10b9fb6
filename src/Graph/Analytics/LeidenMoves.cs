namespace CiteGraph.Graph.Analytics;

/// <summary>The two node-moving phases of <see cref="Leiden"/>: fast local moving and refinement.</summary>
internal static class LeidenMoves
{
    /// <summary>Queue-based local moving (nodes whose neighbourhood changed are revisited); returns whether a node moved.</summary>
    public static bool FastLocalMoving(CommunityGraph g, int[] community, double gamma, Random random, LeidenLevelProfile? profile = null)
    {
        int n = g.NodeCount;
        double m2 = g.TotalWeight;
        if (m2 <= 0)
        {
            return false;
        }

        int[] off = g.Offsets, adj = g.Adjacency;
        double[] k = g.Strength;
        var tot = new double[n];
        var size = new int[n];
        for (int v = 0; v < n; v++)
        {
            tot[community[v]] += k[v];
            size[community[v]]++;
        }

        var free = new Stack<int>();
        for (int c = n - 1; c >= 0; c--)
        {
            if (size[c] == 0)
            {
                free.Push(c);
            }
        }

        var queue = Louvain.Shuffled(n, random);
        var queued = new bool[n];
        Array.Fill(queued, true);
        int head = 0, pending = n;
        var neighbourWeight = new double[n];
        var touched = new int[n];
        bool moved = false;
        long visits = 0, moves = 0, scanned = 0;
        while (pending > 0)
        {
            visits++;
            int v = queue[head];
            head = head + 1 == n ? 0 : head + 1;
            pending--;
            queued[v] = false;
            int touchedCount = g.GatherNeighbourCommunities(v, community, neighbourWeight, touched);
            scanned += off[v + 1] - off[v];

            int current = community[v];
            double kv = k[v];
            tot[current] -= kv;
            size[current]--;
            double factor = gamma * kv / m2;
            double stay = neighbourWeight[current] - factor * tot[current];
            int best = CommunityGraph.BestNeighbourCommunity(
                touched, touchedCount, neighbourWeight, tot, factor, current, stay, out double bestGain);

            // An empty community has gain 0; it only wins when staying is strictly worse and no neighbour is better.
            if (bestGain < 0 && size[current] > 0)
            {
                best = free.Pop();
                bestGain = 0;
            }

            // A relative epsilon keeps rounding noise from bouncing a node between equally good communities forever.
            if (best != current && bestGain - stay <= 1e-12 * (Math.Abs(stay) + kv))
            {
                best = current;
            }

            tot[best] += kv;
            size[best]++;
            if (best == current)
            {
                continue;
            }

            moved = true;
            moves++;
            community[v] = best;
            if (size[current] == 0)
            {
                free.Push(current);
            }

            for (int e = off[v]; e < off[v + 1]; e++)
            {
                int u = adj[e];
                if (!queued[u] && community[u] != best)
                {
                    queued[u] = true;
                    int tail = head + pending;
                    queue[tail >= n ? tail - n : tail] = u;
                    pending++;
                }
            }
        }

        if (profile is not null)
        {
            profile.Visits += visits;
            profile.Moves += moves;
            profile.ArcsScanned += scanned;
        }

        return moved;
    }

    /// <summary>
    /// Refines each community of <paramref name="community"/> (dense ids, <paramref name="count"/> of them) into connected
    /// sub-communities; returns dense refined ids.
    /// </summary>
    public static int[] Refine(CommunityGraph g, int[] community, int count, LeidenOptions options, Random random, out int refinedCount)
    {
        int n = g.NodeCount;
        double m2 = g.TotalWeight;
        double gamma = options.Resolution;
        int[] off = g.Offsets, adj = g.Adjacency;
        double[] w = g.Weights, k = g.Strength;
        var unit = g.UnitWeights;
        var refined = Louvain.Identity(n);
        var size = new int[n];
        Array.Fill(size, 1);
        var totRefined = (double[])k.Clone();
        var totCommunity = new double[count];
        var external = new double[n];
        for (int v = 0; v < n; v++)
        {
            totCommunity[community[v]] += k[v];
            for (int e = off[v]; e < off[v + 1]; e++)
            {
                if (community[adj[e]] == community[v])
                {
                    external[v] += unit ? 1.0 : w[e];
                }
            }
        }

        var neighbourWeight = new double[n];
        var stamp = new int[n];
        Array.Fill(stamp, -1);
        var touched = new int[n];
        var probability = new double[n];
        foreach (int v in Louvain.Shuffled(n, random))
        {
            int c = community[v];
            double kv = k[v];
            // Only singletons move, and only if well connected to the rest of their community.
            if (refined[v] != v || size[v] != 1 || external[v] < gamma * kv * (totCommunity[c] - kv) / m2)
            {
                continue;
            }

            int touchedCount = 0;
            for (int e = off[v]; e < off[v + 1]; e++)
            {
                int u = adj[e];
                if (community[u] != c)
                {
                    continue;
                }

                int r = refined[u];
                if (stamp[r] != v)
                {
                    stamp[r] = v;
                    neighbourWeight[r] = 0;
                    touched[touchedCount++] = r;
                }

                neighbourWeight[r] += unit ? 1.0 : w[e];
            }

            double maxGain = 0;
            int candidates = 0;
            for (int i = 0; i < touchedCount; i++)
            {
                int r = touched[i];
                double gain = neighbourWeight[r] - gamma * kv * totRefined[r] / m2;
                bool wellConnected = external[r] >= gamma * totRefined[r] * (totCommunity[c] - totRefined[r]) / m2;
                if (r != v && neighbourWeight[r] > 0 && gain >= 0 && wellConnected)
                {
                    touched[candidates] = r;
                    probability[candidates++] = gain;
                    maxGain = Math.Max(maxGain, gain);
                }
            }

            if (candidates == 0)
            {
                continue;
            }

            // Staying alone (gain 0) is one of the choices; weights exp((gain − max)/θ) avoid overflow.
            double sum = Math.Exp(-maxGain / options.Theta);
            for (int i = 0; i < candidates; i++)
            {
                probability[i] = Math.Exp((probability[i] - maxGain) / options.Theta);
                sum += probability[i];
            }

            double pick = random.NextDouble() * sum;
            int chosen = -1;
            for (int i = 0; i < candidates && chosen < 0; i++)
            {
                pick -= probability[i];
                if (pick < 0)
                {
                    chosen = touched[i];
                }
            }

            if (chosen < 0)
            {
                continue;
            }

            refined[v] = chosen;
            size[v] = 0;
            size[chosen]++;
            external[chosen] += external[v] - 2 * neighbourWeight[chosen];
            totRefined[chosen] += kv;
        }

        refinedCount = CommunityGraph.Renumber(refined);
        return refined;
    }
}
