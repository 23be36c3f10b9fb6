using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CiteGraph.Graph.Analytics;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;

namespace CiteGraph.GraphQL.Views;

/// <summary>
/// What the timeline and topic bursts read from one graph snapshot, built once per snapshot: each paper's year (stubs
/// left out) and level-0 community (finer levels read from the store once), and the papers per year.
/// </summary>
internal sealed class SnapshotYears
{
    private static readonly ConditionalWeakTable<GraphSnapshot, SnapshotYears> ForSnapshot = new();

    private readonly GraphSnapshot _snapshot;
    private readonly ConcurrentDictionary<int, Task<IReadOnlyList<int?>>> _levels = new();

    private SnapshotYears(GraphSnapshot snapshot)
    {
        _snapshot = snapshot;
        var years = new int?[snapshot.PaperCount];
        var communities = new int?[snapshot.PaperCount];
        var totals = new SortedDictionary<int, int>();
        for (var p = 0; p < snapshot.PaperCount; p++)
        {
            if (snapshot.IsStub(p) || snapshot.Year(p) is not { } year)
            {
                continue;
            }

            years[p] = year;
            communities[p] = snapshot.Community(p);
            totals[year] = totals.GetValueOrDefault(year) + 1;
        }

        (Years, Communities, Totals, Citations) = (years, communities, totals, snapshot.Citations);
    }

    /// <summary>Each paper's publication year; null for stubs and undated papers.</summary>
    public IReadOnlyList<int?> Years { get; }

    /// <summary>Each dated paper's level-0 community.</summary>
    public IReadOnlyList<int?> Communities { get; }

    /// <summary>Dated papers per year.</summary>
    public SortedDictionary<int, int> Totals { get; }

    /// <summary>The snapshot's citations.</summary>
    public CsrGraph Citations { get; }

    /// <summary>
    /// Each dated paper's community at <paramref name="level"/>: level 0 from the snapshot, a finer level read from the
    /// store in one read (the store's current partition; the snapshot is rebuilt after each analytics run).
    /// </summary>
    public Task<IReadOnlyList<int?>> CommunitiesAsync(IAnalyticsStore store, int level, CancellationToken cancellationToken) =>
        // The read is shared by every request of this snapshot, so no one request's cancellation may end it.
        level == 0 ? Task.FromResult(Communities) : _levels.GetOrAdd(level, l => ReadLevelAsync(store, l, CancellationToken.None)).WaitAsync(cancellationToken);

    private async Task<IReadOnlyList<int?>> ReadLevelAsync(IAnalyticsStore store, int level, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var positions = new List<int>();
        for (var p = 0; p < Years.Count; p++)
        {
            if (Years[p] is not null)
            {
                ids.Add(_snapshot.PaperId(p));
                positions.Add(p);
            }
        }

        var placed = await store.GetPaperCommunitiesAsync(ids, level, cancellationToken).ConfigureAwait(false);
        var communities = new int?[Years.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            communities[positions[i]] = placed.TryGetValue(ids[i], out var c) ? c : null;
        }

        return communities;
    }

    /// <summary>The view of <paramref name="snapshot"/>, built on first use.</summary>
    public static SnapshotYears Of(GraphSnapshot snapshot) => ForSnapshot.GetValue(snapshot, s => new SnapshotYears(s));
}
