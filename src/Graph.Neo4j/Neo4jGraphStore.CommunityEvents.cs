using System.Globalization;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;

namespace CiteGraph.Graph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <summary>
    /// Records, under the analytics run just created, the highest community id given so far and the run's community
    /// events, in the write-back's transaction.
    /// </summary>
    private async Task WriteCommunityHistoryAsync(Neo4jTransaction tx, IReadOnlyList<CommunityEvent>? events, CancellationToken cancellationToken)
    {
        await tx.RunAsync(CypherStatements.Get("write-max-community"), null, cancellationToken).ConfigureAwait(false);
        if (events is not { Count: > 0 })
        {
            return;
        }

        var rows = events.Select((e, i) => new CommunityEventRow(
            i, e.Level, CommunityEventNames.Name(e.Kind), e.Community, e.Size, e.PreviousSize,
            e.Related.Select(r => r.Community).ToArray(), e.Related.Select(r => Math.Round(r.Jaccard, 6)).ToArray())).ToList();
        await RunBatchesAsync(tx, "write-community-events", rows, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<int?> GetMaxCommunityIdAsync(CancellationToken cancellationToken = default)
    {
        var result = await RunAsync("max-community-id", cancellationToken).ConfigureAwait(false);
        return result.Rows.Count == 0 ? null : result.Rows[0].GetInt32OrNull("maxId");
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CommunityEvent>> GetCommunityEventsAsync(long afterRun = 0, long? untilRun = null, CancellationToken cancellationToken = default)
    {
        var result = await RunAsync("community-events", cancellationToken, ("after", afterRun), ("until", untilRun)).ConfigureAwait(false);
        return result.Rows.Select(r =>
        {
            var ids = r.GetList("relatedIds").Select(e => e.GetInt32()).ToArray();
            var jaccard = r.GetList("relatedJaccard").Select(e => e.GetDouble()).ToArray();
            return new CommunityEvent(
                CommunityEventNames.Parse(r.GetString("kind")), r.GetInt32("level"), r.GetInt32("community"), r.GetInt32("size"), r.GetInt32("previousSize"),
                ids.Zip(jaccard, (id, j) => new CommunityOverlap(id, j)).ToArray())
            {
                Run = r.GetInt64("run"),
                At = DateTimeOffset.Parse(r.GetString("ranAt"), CultureInfo.InvariantCulture),
            };
        }).ToList();
    }

    /// <summary>A community event as <c>write-community-events</c> reads it.</summary>
    private sealed record CommunityEventRow(
        int Seq, int Level, string Kind, int Community, int Size, int PreviousSize, int[] RelatedIds, double[] RelatedJaccard);
}
