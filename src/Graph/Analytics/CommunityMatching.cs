using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Analytics;

/// <summary>
/// Gives a new partition the ids of the previous one it continues, and names what happened between the two
/// (<see cref="CommunityEventKind"/>): the stable community ids of <c>citegraph analyze</c>.
/// </summary>
/// <remarks>
/// <para>
/// Overlaps are counted on the sparse matrix of (previous, new) community pairs that share a paper, never on all pairs.
/// A pair is a candidate when more than half of one side lies in the other (a community that grew fourfold still
/// continues the one it absorbed whole; a stray paper shared by two unrelated communities does not tie them). Candidates
/// are taken greedily by Jaccard index (shared papers over papers in either), larger overlap and lower ids breaking ties,
/// each community matched at most once: the new community takes the previous one's id. A new community left unmatched
/// gets a fresh id above every id used before, so an id never comes back for another community.
/// </para>
/// <para>
/// Events, with <c>I(a, b)</c> the papers previous community <c>a</c> and new community <c>b</c> share, counting only
/// communities of at least <see cref="MinEventSize"/> papers on the side that matters:
/// MERGED on <c>b</c> when two previous communities or more each have more than half of their papers in <c>b</c>;
/// SPLIT on <c>a</c> when two new communities or more each have more than half of their papers from <c>a</c>;
/// BORN on an unmatched <c>b</c> and DIED on an unmatched <c>a</c> that are in no merge or split;
/// GREW / SHRANK on a matched pair in no merge or split whose size changed by at least <see cref="SizeChange"/>.
/// </para>
/// </remarks>
public static class CommunityMatching
{
    /// <summary>Communities smaller than this take part in no event (single papers come and go with every load).</summary>
    public const int MinEventSize = 5;

    /// <summary>The relative size change that makes GREW or SHRANK.</summary>
    public const double SizeChange = 0.1;

    /// <summary>
    /// Relabels <paramref name="current"/> with the ids of <paramref name="previous"/> it continues and lists the events at
    /// <paramref name="level"/>.
    /// </summary>
    /// <param name="current">The new community of each node (any non-negative numbers).</param>
    /// <param name="previous">The previous run's community of each node at the same level, -1 where it placed none (a new paper).</param>
    /// <param name="nextId">The lowest id never given; fresh ids start here.</param>
    /// <param name="level">The hierarchy level, recorded on the events.</param>
    public static CommunityMatchResult Match(int[] current, int[] previous, int nextId, int level)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        if (current.Length != previous.Length)
        {
            throw new ArgumentException($"The previous partition has {previous.Length} entries for {current.Length} nodes.", nameof(previous));
        }

        var newSize = new Dictionary<int, int>();
        var oldSize = new Dictionary<int, int>();
        var shared = new Dictionary<(int Old, int New), int>();
        for (var v = 0; v < current.Length; v++)
        {
            newSize[current[v]] = newSize.GetValueOrDefault(current[v]) + 1;
            if (previous[v] >= 0)
            {
                oldSize[previous[v]] = oldSize.GetValueOrDefault(previous[v]) + 1;
                var key = (previous[v], current[v]);
                shared[key] = shared.GetValueOrDefault(key) + 1;
            }
        }

        double Jaccard((int Old, int New) pair, int overlap) => (double)overlap / (oldSize[pair.Old] + newSize[pair.New] - overlap);

        var candidates = shared
            .Where(p => 2 * p.Value > oldSize[p.Key.Old] || 2 * p.Value > newSize[p.Key.New])
            .Select(p => (Pair: p.Key, Overlap: p.Value, Jaccard: Jaccard(p.Key, p.Value)))
            .OrderByDescending(c => c.Jaccard).ThenByDescending(c => c.Overlap).ThenBy(c => c.Pair.Old).ThenBy(c => c.Pair.New)
            .ToList();
        var idOf = new Dictionary<int, int>();
        var matchedOld = new Dictionary<int, int>();
        foreach (var (pair, _, _) in candidates)
        {
            if (!idOf.ContainsKey(pair.New) && !matchedOld.ContainsKey(pair.Old))
            {
                idOf[pair.New] = pair.Old;
                matchedOld[pair.Old] = pair.New;
            }
        }

        // Fresh ids in order of size, largest first, as a first run numbers them.
        foreach (var c in newSize.Where(s => !idOf.ContainsKey(s.Key)).OrderByDescending(s => s.Value).ThenBy(s => s.Key).Select(s => s.Key))
        {
            idOf[c] = nextId++;
        }

        var membership = new int[current.Length];
        var kept = 0;
        for (var v = 0; v < current.Length; v++)
        {
            membership[v] = idOf[current[v]];
            kept += membership[v] == previous[v] ? 1 : 0;
        }

        var events = Events(level, shared, oldSize, newSize, idOf, matchedOld, Jaccard);
        return new CommunityMatchResult(membership, events, nextId, kept, previous.Count(p => p >= 0));
    }

    private static List<CommunityEvent> Events(
        int level,
        Dictionary<(int Old, int New), int> shared,
        Dictionary<int, int> oldSize,
        Dictionary<int, int> newSize,
        Dictionary<int, int> idOf,
        Dictionary<int, int> matchedOld,
        Func<(int Old, int New), int, double> jaccard)
    {
        var events = new List<CommunityEvent>();
        var inMergeOrSplitOld = new HashSet<int>();
        var inMergeOrSplitNew = new HashSet<int>();

        // MERGED: most of each of two previous communities or more went into one new community.
        foreach (var group in shared.Where(p => 2 * p.Value > oldSize[p.Key.Old] && oldSize[p.Key.Old] >= MinEventSize).GroupBy(p => p.Key.New))
        {
            var sources = group.OrderByDescending(p => jaccard(p.Key, p.Value)).ThenBy(p => p.Key.Old).ToList();
            if (sources.Count < 2)
            {
                continue;
            }

            var id = idOf[group.Key];
            events.Add(new CommunityEvent(CommunityEventKind.Merged, level, id, newSize[group.Key], oldSize.GetValueOrDefault(id),
                sources.Select(p => new CommunityOverlap(p.Key.Old, jaccard(p.Key, p.Value))).ToList()));
            inMergeOrSplitNew.Add(group.Key);
            inMergeOrSplitOld.UnionWith(sources.Select(p => p.Key.Old));
        }

        // SPLIT: two new communities or more, each mostly from one previous community.
        foreach (var group in shared.Where(p => 2 * p.Value > newSize[p.Key.New] && newSize[p.Key.New] >= MinEventSize).GroupBy(p => p.Key.Old))
        {
            var parts = group.OrderByDescending(p => jaccard(p.Key, p.Value)).ThenBy(p => idOf[p.Key.New]).ToList();
            if (parts.Count < 2)
            {
                continue;
            }

            var size = matchedOld.TryGetValue(group.Key, out var continued) ? newSize[continued] : 0;
            events.Add(new CommunityEvent(CommunityEventKind.Split, level, group.Key, size, oldSize[group.Key],
                parts.Select(p => new CommunityOverlap(idOf[p.Key.New], jaccard(p.Key, p.Value))).ToList()));
            inMergeOrSplitOld.Add(group.Key);
            inMergeOrSplitNew.UnionWith(parts.Select(p => p.Key.New));
        }

        foreach (var (c, size) in newSize.OrderBy(s => idOf[s.Key]))
        {
            var id = idOf[c];
            if (!matchedOld.TryGetValue(id, out var continued) || continued != c)
            {
                if (size >= MinEventSize && !inMergeOrSplitNew.Contains(c))
                {
                    events.Add(new CommunityEvent(CommunityEventKind.Born, level, id, size, 0, []));
                }

                continue;
            }

            var before = oldSize[id];
            if (inMergeOrSplitNew.Contains(c) || inMergeOrSplitOld.Contains(id) || Math.Max(size, before) < MinEventSize)
            {
                continue;
            }

            var kind = size >= before * (1 + SizeChange) ? CommunityEventKind.Grew
                : size <= before * (1 - SizeChange) ? CommunityEventKind.Shrank
                : (CommunityEventKind?)null;
            if (kind is { } k)
            {
                events.Add(new CommunityEvent(k, level, id, size, before, [new CommunityOverlap(id, jaccard((id, c), shared[(id, c)]))]));
            }
        }

        foreach (var (a, size) in oldSize.OrderBy(s => s.Key))
        {
            if (size >= MinEventSize && !matchedOld.ContainsKey(a) && !inMergeOrSplitOld.Contains(a))
            {
                events.Add(new CommunityEvent(CommunityEventKind.Died, level, a, 0, size, []));
            }
        }

        return events;
    }
}

/// <summary>A partition relabelled by <see cref="CommunityMatching.Match"/>.</summary>
/// <param name="Membership">Each node's community, with the previous run's id where the community continues one.</param>
/// <param name="Events">What happened between the two partitions.</param>
/// <param name="NextId">The lowest id still never given.</param>
/// <param name="Kept">Nodes whose community id is the one the previous run gave them.</param>
/// <param name="Placed">Nodes the previous run had placed.</param>
public sealed record CommunityMatchResult(int[] Membership, IReadOnlyList<CommunityEvent> Events, int NextId, int Kept, int Placed);
