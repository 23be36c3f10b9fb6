using System.Runtime.CompilerServices;

namespace CiteGraph.Graph.Snapshot;

/// <summary>
/// Every paper's citation count (distinct citing papers: its in-degree in the snapshot's citation graph) as it was at one
/// finished version, <see cref="GraphSnapshot.AtVersion"/>: the anchor <c>ranking(CITATIONS, asOf:)</c> walks from when
/// the version asked is nearer the snapshot than any analyze run's kept counts (usually: a version after the last run).
/// Papers are named by the store's keys. The order by count is built once per snapshot, by counting sort (linear in the
/// papers), each run of equal counts sorted by id only when a ranking reaches it, so a ranking reads the few papers at the
/// top, not every paper.
/// </summary>
public sealed class CitationCountsAt
{
    private static readonly ConditionalWeakTable<GraphSnapshot, CitationCountsAt> Cache = [];

    private readonly GraphSnapshot _snapshot;
    private readonly Lock _sorting = new();
    // Non-stub papers by count, highest first; _bucketStart[b] is where the papers of the b-th distinct count begin.
    private readonly int[] _order;
    private readonly int[] _bucketStart;
    private readonly bool[] _bucketSorted;

    private CitationCountsAt(GraphSnapshot snapshot, long version)
    {
        _snapshot = snapshot;
        Version = version;
        var citations = snapshot.Citations;
        var max = 0;
        var papers = 0;
        for (var p = 0; p < snapshot.PaperCount; p++)
        {
            if (!snapshot.IsStub(p))
            {
                max = Math.Max(max, citations.InDegree(p));
                papers++;
            }
        }

        // Counting sort, highest count first: slot[c] is where papers with c citations start.
        var slot = new int[max + 2];
        for (var p = 0; p < snapshot.PaperCount; p++)
        {
            if (!snapshot.IsStub(p))
            {
                slot[max - citations.InDegree(p) + 1]++;
            }
        }

        var starts = new List<int>();
        for (var c = 1; c < slot.Length; c++)
        {
            if (slot[c] > 0)
            {
                starts.Add(slot[c - 1]);
            }

            slot[c] += slot[c - 1];
        }

        _order = new int[papers];
        for (var p = 0; p < snapshot.PaperCount; p++)
        {
            if (!snapshot.IsStub(p))
            {
                _order[slot[max - citations.InDegree(p)]++] = p;
            }
        }

        starts.Add(papers);
        _bucketStart = [.. starts];
        _bucketSorted = new bool[_bucketStart.Length - 1];
    }

    /// <summary>The version the counts are of.</summary>
    public long Version { get; }

    /// <summary>The counts of <paramref name="snapshot"/>, or null when it shows no single finished version.</summary>
    public static CitationCountsAt? Of(GraphSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.AtVersion is { } version
            ? Cache.GetValue(snapshot, s => new CitationCountsAt(s, version))
            : null;
    }

    /// <summary>The citation count of the paper with store key <paramref name="key"/> then; 0 for a paper not there then.</summary>
    public int CountOf(long key) => _snapshot.TryGetIndexByKey(key, out var paper) ? _snapshot.Citations.InDegree(paper) : 0;

    /// <summary>
    /// Papers (not stubs) then, by citation count, highest first, ties by id (ordinal), as the store orders a ranking: the
    /// store's key and the count.
    /// </summary>
    public IEnumerable<(long Key, int Count)> ByCount()
    {
        for (var b = 0; b < _bucketSorted.Length; b++)
        {
            var (start, end) = (_bucketStart[b], _bucketStart[b + 1]);
            SortBucket(b, start, end);
            for (var i = start; i < end; i++)
            {
                var paper = _order[i];
                yield return (_snapshot.PaperKey(paper), _snapshot.Citations.InDegree(paper));
            }
        }
    }

    private void SortBucket(int bucket, int start, int end)
    {
        if (Volatile.Read(ref _bucketSorted[bucket]))
        {
            return;
        }

        lock (_sorting)
        {
            if (!_bucketSorted[bucket])
            {
                Array.Sort(_order, start, end - start, Comparer<int>.Create((a, b) => string.CompareOrdinal(_snapshot.PaperId(a), _snapshot.PaperId(b))));
                Volatile.Write(ref _bucketSorted[bucket], true);
            }
        }
    }
}
