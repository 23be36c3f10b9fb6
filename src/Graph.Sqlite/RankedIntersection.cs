namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// The rows present in every phrase list, each ranked by the sum of its phrase ranks in phrase order (which is FTS5's
/// bm25 of the whole query, see <see cref="SearchPostings"/>), best first with ties in rowid order as
/// <c>ORDER BY rank, rowid</c> gives them. Only the best <c>limit</c> are kept, in a bounded heap.
/// </summary>
internal static class RankedIntersection
{
    /// <summary>The best <paramref name="limit"/> matches, best first; <paramref name="matches"/> counts them all.</summary>
    public static (long Pk, double Rank)[] Top(IReadOnlyList<PhraseList> lists, int limit, out int matches)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        matches = 0;
        if (lists.Count == 0)
        {
            return [];
        }

        // Walk the shortest list; find each of its rows in the others by galloping forward from the last position.
        var shortest = 0;
        for (var i = 1; i < lists.Count; i++)
        {
            if (lists[i].Count < lists[shortest].Count)
            {
                shortest = i;
            }
        }

        var cursors = new int[lists.Count];
        var positions = new int[lists.Count];
        // The worst kept match on top: reverse (rank, pk) order.
        var heap = new PriorityQueue<(long Pk, double Rank), (double Rank, long Pk)>(limit + 1, WorstFirst.Instance);
        var driver = lists[shortest];
        for (var j = 0; j < driver.Count; j++)
        {
            var pk = driver.Pks[j];
            var inAll = true;
            for (var i = 0; i < lists.Count && inAll; i++)
            {
                if (i == shortest)
                {
                    positions[i] = j;
                    continue;
                }

                var at = Seek(lists[i].Pks, cursors[i], pk);
                cursors[i] = at;
                inAll = at < lists[i].Count && lists[i].Pks[at] == pk;
                positions[i] = at;
            }

            if (!inAll)
            {
                continue;
            }

            // Summed from 0.0 in phrase order, as FTS5 sums its per-phrase terms: the same double, bit for bit.
            var rank = 0.0;
            for (var i = 0; i < lists.Count; i++)
            {
                rank += lists[i].Ranks[positions[i]];
            }

            matches++;
            if (heap.Count < limit)
            {
                heap.Enqueue((pk, rank), (rank, pk));
            }
            else if (heap.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare((rank, pk), worst) > 0)
            {
                heap.DequeueEnqueue((pk, rank), (rank, pk));
            }
        }

        var top = new (long Pk, double Rank)[heap.Count];
        for (var i = top.Length - 1; i >= 0; i--)
        {
            top[i] = heap.Dequeue();
        }

        return top;
    }

    /// <summary>The first index at or after <paramref name="from"/> whose value is ≥ <paramref name="pk"/> (exponential then binary search).</summary>
    private static int Seek(long[] pks, int from, long pk)
    {
        var step = 1;
        var low = from;
        var high = from;
        while (high < pks.Length && pks[high] < pk)
        {
            low = high + 1;
            high = from + step;
            step <<= 1;
        }

        high = Math.Min(high, pks.Length);
        var at = Array.BinarySearch(pks, low, high - low, pk);
        return at >= 0 ? at : ~at;
    }

    /// <summary>Orders (rank, pk) worst first: a higher rank, or the same rank and a higher rowid.</summary>
    private sealed class WorstFirst : IComparer<(double Rank, long Pk)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((double Rank, long Pk) x, (double Rank, long Pk) y)
        {
            var byRank = y.Rank.CompareTo(x.Rank);
            return byRank != 0 ? byRank : y.Pk.CompareTo(x.Pk);
        }
    }
}
