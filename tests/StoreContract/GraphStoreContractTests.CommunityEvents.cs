using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Tests;

namespace CiteGraph.Graph.StoreContract;

/// <summary>The community history role (<see cref="ICommunityHistoryStore"/>): events kept per analytics run, the highest id ever given.</summary>
public abstract partial class GraphStoreContractTests
{
    private AnalyticsResults CommunityRun(string[] ids, int[] membership, DateTimeOffset at, IReadOnlyList<CommunityEvent>? events = null) => new()
    {
        NodeIds = ids,
        Community = membership,
        CommunityLevels = [membership],
        Communities = membership.Distinct().Select(c => new Community(c, 0, membership.Count(m => m == c), $"field {c}")).ToList(),
        CommunityEvents = events,
        Graph = "hybrid",
        Algorithms = ["leiden"],
        RanAt = at,
    };

    [Fact]
    public async Task Community_events_are_kept_per_run_and_read_since_a_run_with_their_time()
    {
        Assert.Null(await Store.GetMaxCommunityIdAsync(Ct));
        var papers = Enumerable.Range(0, 4).Select(i => Some.Resolved(Some.Record($"Eventful {i}", line: i))).ToList();
        await Store.UpsertAsync(papers, Ct);
        var ids = papers.Select(p => p.PaperId).ToArray();
        var at = new DateTimeOffset(2026, 12, 4, 20, 0, 0, TimeSpan.Zero);
        await Store.WriteAnalyticsAsync(CommunityRun(ids, [3, 3, 7, 7], at), Ct);
        Assert.Equal(7, await Store.GetMaxCommunityIdAsync(Ct));
        Assert.Empty(await Store.GetCommunityEventsAsync(cancellationToken: Ct));

        CommunityEvent[] events =
        [
            new(CommunityEventKind.Merged, 0, 3, 4, 2, [new CommunityOverlap(3, 0.5), new CommunityOverlap(7, 0.5)]),
            new(CommunityEventKind.Born, 0, 8, 5, 0, []),
        ];
        await Store.WriteAnalyticsAsync(CommunityRun(ids, [3, 3, 3, 3], at.AddHours(1), events), Ct);

        var all = await Store.GetCommunityEventsAsync(cancellationToken: Ct);
        Assert.Equal(events, all.Select(e => e with { Run = 0, At = default }));
        var run = Assert.Single(all.Select(e => e.Run).Distinct());
        Assert.All(all, e => Assert.Equal(at.AddHours(1), e.At));
        Assert.Equal(all, await Store.GetCommunityEventsAsync(run - 1, run, Ct));
        Assert.Empty(await Store.GetCommunityEventsAsync(run, cancellationToken: Ct));
        Assert.Empty(await Store.GetCommunityEventsAsync(0, run - 1, Ct));
        // Community 7 is gone from the store, but its id stays given: no later community takes it.
        Assert.Null(await Store.GetCommunityAsync(7, Ct));
        Assert.Equal(7, await Store.GetMaxCommunityIdAsync(Ct));
    }

    [Fact]
    public async Task Previous_community_levels_are_read_aligned_with_the_nodes_asked_for()
    {
        var papers = Enumerable.Range(0, 4).Select(i => Some.Resolved(Some.Record($"Levelled {i}", line: i))).ToList();
        await Store.UpsertAsync(papers, Ct);
        var ids = papers.Select(p => p.PaperId).ToArray();
        int[] top = [5, 5, 6, 6], fine = [7, 8, 9, 9];
        await Store.WriteAnalyticsAsync(CommunityRun(ids, top, DateTimeOffset.UnixEpoch) with
        {
            CommunityLevels = [top, fine],
            Communities = [.. top.Distinct().Select(c => new Community(c, 0, 2, $"field {c}")), .. fine.Distinct().Select(c => new Community(c, 1, 1, $"sub {c}"))],
        }, Ct);

        // Another order, and a paper the run never saw (a new one): -1 there.
        string[] asked = [ids[3], "never-analyzed", ids[0], ids[2]];
        var levels = await Store.ReadCommunityLevelsAsync(asked, 3, Ct);

        Assert.Equal(2, levels.Count);
        Assert.Equal([6, -1, 5, 6], levels[0]);
        Assert.Equal([9, -1, 7, 9], levels[1]);
        Assert.Single(await Store.ReadCommunityLevelsAsync(asked, 1, Ct));
    }
}
