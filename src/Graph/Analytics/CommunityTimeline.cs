using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Analytics;

/// <summary>
/// Fields over the years: the papers of each publication year grouped by their (stored, stable) community, and what
/// happened between year slices, read through the citations that flow from one year's papers to earlier ones.
/// </summary>
/// <remarks>
/// <para>
/// A community is <em>present</em> in year <c>y</c> when at least <c>minPapers</c> papers of <c>y</c> belong to it (a field
/// appears "in numbers", not with its first stray paper). The <em>flow</em> into community <c>c</c> at <c>y</c> is the
/// citations from <c>c</c>'s papers of <c>y</c> to earlier papers, counted by the cited paper's community; a community's
/// share is its part of that flow.
/// </para>
/// <para>
/// Events of year <c>y</c>, for every <c>y</c> after the first year with papers. A community's <em>parents</em> in
/// <c>y</c> are the other communities present in <c>y - 1</c> that each draw at least <see cref="ParentShare"/> of its flow
/// (a flow of at least <c>minPapers</c> citations). At a community's first presence: no parent, it is BORN; one, that parent
/// SPLIT (into itself and the new one); two or more, it MERGED from them. A community present before that gains a parent
/// it did not have the year before MERGED with it (that field's work flowed into it). A community present the year
/// before and never again DIED, unless it is a parent of a merge that year. A community present both years GREW when it
/// has at least twice the papers, SHRANK when at most half.
/// </para>
/// </remarks>
public static class CommunityTimeline
{
    /// <summary>The part of a new community's citation flow that makes an earlier community its parent.</summary>
    public const double ParentShare = 0.25;

    /// <summary>Computes the slices and events of years <paramref name="from"/> to <paramref name="to"/> (inclusive; null for the corpus's first or last year).</summary>
    /// <param name="years">Each paper's publication year; null for undated papers and stubs, which are left out.</param>
    /// <param name="communities">Each paper's community; null when unplaced.</param>
    /// <param name="citations">Citing → cited, by paper index.</param>
    /// <param name="from">First year shown.</param>
    /// <param name="to">Last year shown.</param>
    /// <param name="minPapers">Papers of a year that make a community present that year, ≥ 1.</param>
    public static TimelineResult Compute(
        IReadOnlyList<int?> years, IReadOnlyList<int?> communities, CsrGraph citations, int? from, int? to, int minPapers = 5)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(communities);
        ArgumentNullException.ThrowIfNull(citations);
        ArgumentOutOfRangeException.ThrowIfLessThan(minPapers, 1);
        var counts = new SortedDictionary<int, Dictionary<int, int>>();
        var totals = new Dictionary<int, int>();
        for (var p = 0; p < years.Count; p++)
        {
            if (years[p] is not { } y)
            {
                continue;
            }

            totals[y] = totals.GetValueOrDefault(y) + 1;
            if (communities[p] is { } c)
            {
                var ofYear = counts.TryGetValue(y, out var found) ? found : counts[y] = [];
                ofYear[c] = ofYear.GetValueOrDefault(c) + 1;
            }
        }

        if (counts.Count == 0)
        {
            return new TimelineResult([], []);
        }

        var first = counts.Keys.First();
        var last = counts.Keys.Last();
        var present = new Dictionary<int, HashSet<int>>();
        var firstPresence = new Dictionary<int, int>();
        var lastPresence = new Dictionary<int, int>();
        for (var y = first; y <= last; y++)
        {
            var set = present[y] = counts.TryGetValue(y, out var ofYear) ? ofYear.Where(c => c.Value >= minPapers).Select(c => c.Key).ToHashSet() : [];
            foreach (var c in set)
            {
                firstPresence.TryAdd(c, y);
                lastPresence[c] = y;
            }
        }

        var flows = Flows(years, communities, citations);
        var lo = Math.Max(first, from ?? first);
        var hi = Math.Min(last, to ?? last);
        var slices = new List<TimelineSlice>();
        var events = new List<TimelineEvent>();
        for (var y = lo; y <= hi; y++)
        {
            var ofYear = counts.GetValueOrDefault(y) ?? [];
            slices.Add(new TimelineSlice(y, totals.GetValueOrDefault(y),
                ofYear.Where(c => present[y].Contains(c.Key)).OrderByDescending(c => c.Value).ThenBy(c => c.Key).Select(c => new TimelineCommunity(c.Key, c.Value)).ToList()));
            if (y > first)
            {
                events.AddRange(EventsOf(y, counts, present, firstPresence, lastPresence, flows, minPapers));
            }
        }

        return new TimelineResult(slices, events);
    }

    private static List<TimelineEvent> EventsOf(
        int y,
        SortedDictionary<int, Dictionary<int, int>> counts,
        Dictionary<int, HashSet<int>> present,
        Dictionary<int, int> firstPresence,
        Dictionary<int, int> lastPresence,
        Dictionary<(int Year, int Community), Dictionary<int, int>> flows,
        int minPapers)
    {
        var events = new List<TimelineEvent>();
        var mergedParents = new HashSet<int>();
        foreach (var c in present[y].Order())
        {
            var parents = Parents(y, c, present, flows, minPapers);
            var size = counts[y][c];
            if (firstPresence[c] == y)
            {
                switch (parents.Count)
                {
                    case 0:
                        events.Add(new TimelineEvent(y, CommunityEventKind.Born, c, size, 0, []));
                        break;
                    case 1:
                        events.Add(new TimelineEvent(y, CommunityEventKind.Split, parents[0].Community, counts[y].GetValueOrDefault(parents[0].Community),
                            counts[y - 1][parents[0].Community], [new CommunityOverlap(c, parents[0].Jaccard)]));
                        break;
                    default:
                        events.Add(new TimelineEvent(y, CommunityEventKind.Merged, c, size, 0, parents));
                        mergedParents.UnionWith(parents.Select(p => p.Community));
                        break;
                }

                continue;
            }

            // A field that already existed and now draws a quarter of its citations from another field it did not draw on
            // the year before: that field flowed into it.
            var before = Parents(y - 1, c, present, flows, minPapers).Select(p => p.Community).ToHashSet();
            var joining = parents.Where(p => !before.Contains(p.Community)).ToList();
            if (joining.Count > 0)
            {
                var flow = flows[(y, c)];
                var own = new CommunityOverlap(c, (double)flow.GetValueOrDefault(c) / flow.Values.Sum());
                events.Add(new TimelineEvent(y, CommunityEventKind.Merged, c, size, counts[y - 1].GetValueOrDefault(c), [own, .. joining]));
                mergedParents.UnionWith(joining.Select(p => p.Community));
            }
        }

        foreach (var c in present[y - 1].Order())
        {
            var was = counts[y - 1][c];
            var now = counts.GetValueOrDefault(y)?.GetValueOrDefault(c) ?? 0;
            if (lastPresence[c] == y - 1)
            {
                if (!mergedParents.Contains(c))
                {
                    events.Add(new TimelineEvent(y, CommunityEventKind.Died, c, now, was, []));
                }
            }
            else if (present[y].Contains(c) && now >= 2 * was)
            {
                events.Add(new TimelineEvent(y, CommunityEventKind.Grew, c, now, was, []));
            }
            else if (present[y].Contains(c) && 2 * now <= was)
            {
                events.Add(new TimelineEvent(y, CommunityEventKind.Shrank, c, now, was, []));
            }
        }

        return events;
    }

    /// <summary>
    /// The other communities present the year before <paramref name="y"/> that each draw at least <see cref="ParentShare"/> of
    /// community <paramref name="c"/>'s citations from its papers of <paramref name="y"/> to earlier papers (none when those
    /// are fewer than <paramref name="minPapers"/>), largest share first.
    /// </summary>
    private static List<CommunityOverlap> Parents(
        int y, int c, Dictionary<int, HashSet<int>> present, Dictionary<(int Year, int Community), Dictionary<int, int>> flows, int minPapers)
    {
        if (!flows.TryGetValue((y, c), out var flow) || !present.TryGetValue(y - 1, out var before))
        {
            return [];
        }

        var all = flow.Values.Sum();
        return all < minPapers
            ? []
            : flow.Where(f => f.Key != c && before.Contains(f.Key) && f.Value >= ParentShare * all)
                .OrderByDescending(f => f.Value).ThenBy(f => f.Key)
                .Select(f => new CommunityOverlap(f.Key, (double)f.Value / all)).ToList();
    }

    /// <summary>Per (year, community), the citations from its papers of that year to earlier papers, by cited community: one pass over the citations.</summary>
    private static Dictionary<(int Year, int Community), Dictionary<int, int>> Flows(IReadOnlyList<int?> years, IReadOnlyList<int?> communities, CsrGraph citations)
    {
        var flows = new Dictionary<(int Year, int Community), Dictionary<int, int>>();
        for (var p = 0; p < years.Count; p++)
        {
            if (years[p] is not { } y || communities[p] is not { } c)
            {
                continue;
            }

            foreach (var cited in citations.OutNeighbors(p))
            {
                if (years[cited] is { } citedYear && citedYear < y && communities[cited] is { } o)
                {
                    var flow = flows.TryGetValue((y, c), out var found) ? found : flows[(y, c)] = [];
                    flow[o] = flow.GetValueOrDefault(o) + 1;
                }
            }
        }

        return flows;
    }
}

/// <summary>The timeline: one slice per year, and the events between slices.</summary>
public sealed record TimelineResult(IReadOnlyList<TimelineSlice> Slices, IReadOnlyList<TimelineEvent> Events);

/// <summary>One year: its dated papers and the communities present that year with their papers of the year, largest first.</summary>
public sealed record TimelineSlice(int Year, int Papers, IReadOnlyList<TimelineCommunity> Communities);

/// <summary>A community's papers of one year.</summary>
public sealed record TimelineCommunity(int Community, int Papers);

/// <summary>
/// An event of the timeline at <paramref name="Year"/>: the community concerned, its papers that year and the year before,
/// and the communities on the other side with their share of the citation flow.
/// </summary>
public sealed record TimelineEvent(int Year, CommunityEventKind Kind, int Community, int Papers, int PreviousPapers, IReadOnlyList<CommunityOverlap> Related);
