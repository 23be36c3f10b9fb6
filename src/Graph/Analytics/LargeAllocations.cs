namespace CiteGraph.Graph.Analytics;

/// <summary>
/// Collects the garbage before a kernel allocates arrays of hundreds of megabytes, so they reuse memory already taken.
/// </summary>
/// <remarks>
/// Community detection drops whole graphs as it goes (each aggregation level, each iteration's chain of them, the
/// symmetrized view's trimmed arrays), and the runtime leaves that garbage in place until a full collection it has no
/// reason to run yet: at ten million papers analyze peaked at 16.9 GB while its live data never passed ~11 GB (at 1M,
/// 1.68 GB unbounded against 1.11 GB under a heap limit). A forced collection costs a mark of the live objects (tenths
/// of a second with ten million ids) and is asked for only before an allocation at least <see cref="Threshold"/> long,
/// a handful of times a run.
/// </remarks>
internal static class LargeAllocations
{
    /// <summary>Allocations smaller than this go ahead without a collection.</summary>
    public const long Threshold = 256L << 20;

    /// <summary>Runs a full blocking collection when <paramref name="bytes"/> are about to be allocated and that is a lot.</summary>
    public static void MakeRoomFor(long bytes)
    {
        if (bytes >= Threshold)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
        }
    }
}
