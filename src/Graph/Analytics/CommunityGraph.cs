using System.Diagnostics;

namespace CiteGraph.Graph.Analytics;

/// <summary>
/// Weighted undirected graph used inside Louvain/Leiden: symmetric rows without self-loops, plus a per-node self weight
/// (the internal weight of an aggregated community, counted over ordered pairs) and strength <c>K</c> (including it).
/// </summary>
internal sealed class CommunityGraph
{
    public CommunityGraph(int[] offsets, int[] adjacency, double[] weights, double[] self, bool unitWeights = false)
    {
        UnitWeights = unitWeights;
        Offsets = offsets;
        Adjacency = adjacency;
        Weights = weights;
        Self = self;
        int n = offsets.Length - 1;
        Strength = new double[n];
        double total = 0;
        for (int v = 0; v < n; v++)
        {
            double k = self[v];
            if (unitWeights)
            {
                k += offsets[v + 1] - offsets[v];
            }
            else
            {
                // One by one, in row order: a vectorized sum would round differently and move ties.
                for (int e = offsets[v]; e < offsets[v + 1]; e++)
                {
                    k += weights[e];
                }
            }

            Strength[v] = k;
            total += k;
        }

        TotalWeight = total;
    }

    public int NodeCount => Offsets.Length - 1;

    public int[] Offsets { get; }

    public int[] Adjacency { get; }

    public double[] Weights { get; }

    /// <summary>Every weight is 1 (the unweighted input level): <see cref="Weights"/> is empty and must not be read.</summary>
    public bool UnitWeights { get; }

    /// <summary>A_vv summed over ordered pairs (twice the internal edge weight of an aggregated node).</summary>
    public double[] Self { get; }

    /// <summary>k_v = Σ_u A_vu including <see cref="Self"/>.</summary>
    public double[] Strength { get; }

    /// <summary>2m = Σ_v k_v.</summary>
    public double TotalWeight { get; }

    public static CommunityGraph From(CsrGraph graph)
    {
        var g = graph.ToUndirected();
        if (g.Weights is not { } fw)
        {
            // Every weight 1: no array of them (8 bytes an arc, 1.9 GB at a hundred million citations).
            return new CommunityGraph(g.OutOffsets, g.Targets, [], new double[g.NodeCount], unitWeights: true);
        }

        LargeAllocations.MakeRoomFor(g.EdgeCount * (long)sizeof(double));
        var w = new double[g.EdgeCount];
        for (int e = 0; e < w.Length; e++)
        {
            w[e] = fw[e];
        }

        return new CommunityGraph(g.OutOffsets, g.Targets, w, new double[g.NodeCount]);
    }

    /// <summary>Collapses each community (ids dense in 0..count-1) into one node.</summary>
    /// <remarks>
    /// Two passes over the arcs: the first counts each aggregated row (the distinct neighbouring communities), the second
    /// fills arrays of exactly that size. One pass into arrays as long as this graph's and a trim after it held twice the
    /// input at once: at ten million papers 2.8 GB for the first aggregation alone, the peak of analyze.
    /// </remarks>
    public CommunityGraph Aggregate(int[] community, int count)
    {
        int n = NodeCount;
        // Bucket nodes by community.
        var start = new int[count + 1];
        foreach (int c in community)
        {
            start[c + 1]++;
        }

        for (int c = 0; c < count; c++)
        {
            start[c + 1] += start[c];
        }

        var members = new int[n];
        var fill = start[..^1];
        for (int v = 0; v < n; v++)
        {
            members[fill[community[v]]++] = v;
        }

        // Pass 1: the length of each row; seen[d] == c marks d as counted for c already.
        var offsets = new int[count + 1];
        var seen = new int[count];
        Array.Fill(seen, -1);
        for (int c = 0; c < count; c++)
        {
            int length = 0;
            for (int i = start[c]; i < start[c + 1]; i++)
            {
                int v = members[i];
                for (int e = Offsets[v]; e < Offsets[v + 1]; e++)
                {
                    int d = community[Adjacency[e]];
                    if (d != c && seen[d] != c)
                    {
                        seen[d] = c;
                        length++;
                    }
                }
            }

            offsets[c + 1] = offsets[c] + length;
        }

        // Pass 2: the rows, neighbours in order of first appearance, weights summed.
        LargeAllocations.MakeRoomFor(offsets[count] * (long)(sizeof(int) + sizeof(double)));
        var adjacency = new int[offsets[count]];
        var weights = new double[offsets[count]];
        var self = new double[count];
        var slot = seen;
        Array.Fill(slot, -1);
        int write = 0;
        for (int c = 0; c < count; c++)
        {
            int rowStart = write;
            double internalWeight = 0;
            for (int i = start[c]; i < start[c + 1]; i++)
            {
                int v = members[i];
                internalWeight += Self[v];
                for (int e = Offsets[v]; e < Offsets[v + 1]; e++)
                {
                    int d = community[Adjacency[e]];
                    double weight = UnitWeights ? 1.0 : Weights[e];
                    if (d == c)
                    {
                        internalWeight += weight;
                    }
                    else if (slot[d] < 0)
                    {
                        slot[d] = write;
                        adjacency[write] = d;
                        weights[write] = weight;
                        write++;
                    }
                    else
                    {
                        weights[slot[d]] += weight;
                    }
                }
            }

            for (int e = rowStart; e < write; e++)
            {
                slot[adjacency[e]] = -1;
            }

            self[c] = internalWeight;
            Debug.Assert(write == offsets[c + 1], "pass 2 fills exactly the row pass 1 counted");
        }

        return new CommunityGraph(offsets, adjacency, weights, self);
    }

    /// <summary>
    /// Sums, per community, the weight of <paramref name="v"/>'s edges into it, in <paramref name="neighbourWeight"/>, and
    /// lists the communities touched in <paramref name="touched"/>; returns how many. The caller zeroes the touched entries.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int GatherNeighbourCommunities(int v, int[] community, double[] neighbourWeight, int[] touched)
    {
        int[] off = Offsets, adj = Adjacency;
        double[] w = Weights;
        var unit = UnitWeights;
        var touchedCount = 0;
        for (int e = off[v]; e < off[v + 1]; e++)
        {
            int c = community[adj[e]];
            // Weights are positive, so a zero entry means "not touched yet" (a zero-weight arc at worst lists c twice).
            if (neighbourWeight[c] == 0)
            {
                touched[touchedCount++] = c;
            }

            neighbourWeight[c] += unit ? 1.0 : w[e];
        }

        return touchedCount;
    }

    /// <summary>
    /// Among the communities <see cref="GatherNeighbourCommunities"/> listed, the one whose modularity gain
    /// (<c>neighbourWeight[c] - factor * tot[c]</c>) beats staying in <paramref name="current"/> (gain <paramref name="stay"/>)
    /// the most, or <paramref name="current"/>; zeroes the touched entries on the way, as the gatherer asks.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static int BestNeighbourCommunity(
        int[] touched, int touchedCount, double[] neighbourWeight, double[] tot, double factor, int current, double stay, out double bestGain)
    {
        int best = current;
        bestGain = stay;
        for (int i = 0; i < touchedCount; i++)
        {
            int c = touched[i];
            double gain = neighbourWeight[c] - factor * tot[c];
            neighbourWeight[c] = 0;
            if (gain > bestGain)
            {
                bestGain = gain;
                best = c;
            }
        }

        return best;
    }

    /// <summary>Renumbers community ids densely (in order of first appearance); returns the count.</summary>
    public static int Renumber(int[] community)
    {
        int max = -1;
        foreach (int c in community)
        {
            max = Math.Max(max, c);
        }

        var map = new int[max + 1];
        Array.Fill(map, -1);
        int count = 0;
        for (int v = 0; v < community.Length; v++)
        {
            int c = community[v];
            if (map[c] < 0)
            {
                map[c] = count++;
            }

            community[v] = map[c];
        }

        return count;
    }

    /// <summary>Q = (1/2m) Σ_c [in_c − γ·tot_c² / 2m].</summary>
    public double Modularity(int[] community, double resolution)
    {
        int n = NodeCount;
        if (TotalWeight <= 0)
        {
            return 0;
        }

        int max = 0;
        foreach (int c in community)
        {
            max = Math.Max(max, c);
        }

        var tot = new double[max + 1];
        double inside = 0;
        for (int v = 0; v < n; v++)
        {
            int c = community[v];
            tot[c] += Strength[v];
            inside += Self[v];
            for (int e = Offsets[v]; e < Offsets[v + 1]; e++)
            {
                if (community[Adjacency[e]] == c)
                {
                    inside += UnitWeights ? 1.0 : Weights[e];
                }
            }
        }

        double m2 = TotalWeight;
        double squares = 0;
        foreach (double t in tot)
        {
            squares += t * t;
        }

        return (inside - resolution * squares / m2) / m2;
    }
}
