using System.Globalization;
using CiteGraph.Graph.Analytics;

namespace CiteGraph.Graph.Tests.Analytics;

/// <summary>Small named graphs from the GDS docs, seeded random graphs and the shared real datasets.</summary>
internal static class TestGraphs
{
    /// <summary>GDS PageRank docs graph: Home, About, Product, Links, SiteA..SiteD (ids 0..7).</summary>
    public static CsrGraph GdsPageRankExample()
    {
        (int, int)[] edges =
        [
            (0, 1), (0, 3), (0, 2), (1, 0), (2, 0), (4, 0), (5, 0), (6, 0), (7, 0), (3, 0), (3, 4), (3, 5), (3, 6), (3, 7),
        ];
        return FromPairs(8, edges);
    }

    /// <summary>GDS betweenness docs graph: Alice, Bob, Carol, Dan, Eve, Frank, Gale (ids 0..6).</summary>
    public static CsrGraph GdsBetweennessExample() =>
        FromPairs(7, [(0, 2), (1, 2), (2, 3), (2, 4), (3, 5), (4, 5), (5, 6)]);

    /// <summary>GDS Louvain docs graph: Alice, Bridget, Charles, Doug, Mark, Michael (ids 0..5).</summary>
    public static CsrGraph GdsLouvainExample() =>
        FromPairs(6, [(0, 1), (0, 2), (2, 1), (0, 3), (4, 3), (4, 5), (5, 4)]);

    public static CsrGraph FromPairs(int n, IReadOnlyList<(int From, int To)> edges, float[]? weights = null) =>
        CsrGraph.FromEdges(n, edges.Select(e => e.From).ToArray(), edges.Select(e => e.To).ToArray(), weights ?? default(ReadOnlySpan<float>));

    /// <summary>Erdős–Rényi-like directed graph with m random arcs (may contain parallel arcs and self-loops when allowed).</summary>
    public static CsrGraph Random(int n, int m, int seed, bool simple = true, bool weighted = false)
    {
        var random = new Random(seed);
        var seen = new HashSet<(int, int)>();
        var edges = new List<(int, int)>();
        var weights = new List<float>();
        while (edges.Count < m)
        {
            int a = random.Next(n), b = random.Next(n);
            if (simple && (a == b || !seen.Add((a, b))))
            {
                continue;
            }

            edges.Add((a, b));
            weights.Add((float)(0.1 + random.NextDouble() * 2));
        }

        return FromPairs(n, edges, weighted ? weights.ToArray() : null);
    }

    /// <summary>Planted-partition graph: <paramref name="groups"/> dense groups joined by a few random arcs.</summary>
    public static CsrGraph Planted(int groups, int groupSize, int seed)
    {
        var random = new Random(seed);
        var edges = new List<(int, int)>();
        int n = groups * groupSize;
        for (int g = 0; g < groups; g++)
        {
            for (int i = 0; i < groupSize; i++)
            {
                for (int j = i + 1; j < groupSize; j++)
                {
                    if (random.NextDouble() < 0.4)
                    {
                        edges.Add((g * groupSize + i, g * groupSize + j));
                    }
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            int a = random.Next(n), b = random.Next(n);
            if (a != b)
            {
                edges.Add((a, b));
            }
        }

        return FromPairs(n, edges);
    }

    /// <summary>Path to a file under the shared data folder, or skips the test with a reason when it is absent.</summary>
    public static string SharedFileOrSkip(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CiteGraph.slnx")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            Assert.Skip("CiteGraph.slnx not found above the test binary, so ../shared/data cannot be located.");
        }

        string path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", relative));
        if (!File.Exists(path))
        {
            Assert.Skip($"Shared dataset {path} is not present on this machine.");
        }

        return path;
    }

    /// <summary>Loads a whitespace-separated edge list (header and '#' lines skipped) from the shared data folder.</summary>
    public static CsrGraph LoadShared(string relative, int maxEdges = int.MaxValue)
    {
        string path = SharedFileOrSkip(relative);
        var pairs = new List<(string, string)>();
        foreach (string line in File.ReadLines(path))
        {
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || line.StartsWith('#') || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            pairs.Add((parts[0], parts[1]));
            if (pairs.Count == maxEdges)
            {
                break;
            }
        }

        return CsrGraph.FromIdPairs(pairs).Graph;
    }

    /// <summary>All arcs as (from, to, weight) triples.</summary>
    public static List<(int From, int To, double Weight)> Arcs(CsrGraph g)
    {
        var arcs = new List<(int, int, double)>();
        for (int u = 0; u < g.NodeCount; u++)
        {
            var targets = g.OutNeighbors(u);
            var weights = g.OutWeights(u);
            for (int i = 0; i < targets.Length; i++)
            {
                arcs.Add((u, targets[i], weights.IsEmpty ? 1.0 : weights[i]));
            }
        }

        return arcs;
    }

    /// <summary>Relabels a partition by order of first appearance so that two partitions can be compared as arrays.</summary>
    public static int[] Canonical(IReadOnlyList<int> membership)
    {
        var map = new Dictionary<int, int>();
        return membership.Select(c => map.TryGetValue(c, out int id) ? id : map[c] = map.Count).ToArray();
    }
}
