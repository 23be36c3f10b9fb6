using System.Diagnostics;

namespace CiteGraph.Graph.Analytics;

/// <summary>Splits a node range into contiguous chunks of roughly equal edge count for <see cref="Parallel"/> loops.</summary>
internal static class ParallelRanges
{
    public static int Threads(int? maxDegreeOfParallelism) =>
        Math.Max(1, maxDegreeOfParallelism ?? Environment.ProcessorCount);

    /// <summary>Returns chunk boundaries b[0]=0 &lt; ... &lt; b[k]=n balancing (degree + 1) per chunk.</summary>
    public static int[] ByEdges(int[] offsets, int chunks)
    {
        int n = offsets.Length - 1;
        chunks = Math.Clamp(chunks, 1, Math.Max(1, n));
        long total = (long)offsets[n] + n;
        var bounds = new List<int>(chunks + 1) { 0 };
        int v = 0;
        for (int c = 1; c < chunks; c++)
        {
            long goal = total * c / chunks;
            while (v < n && (long)offsets[v] + v < goal)
            {
                v++;
            }

            if (v > bounds[^1])
            {
                bounds.Add(v);
            }
        }

        if (n > bounds[^1] || bounds.Count == 1)
        {
            bounds.Add(n);
        }

        Debug.Assert(bounds[^1] == n, "chunks must cover all nodes");
        return [.. bounds];
    }
}
