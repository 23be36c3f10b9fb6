using System.Globalization;
using CiteGraph.Graph.Model;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

public sealed partial class SqliteGraphStore
{
    /// <summary>
    /// Records, under the analytics run just inserted, the highest community id given so far and the run's community
    /// events (<see cref="Storage.AnalyticsResults.CommunityEvents"/>), in the write-back's transaction.
    /// </summary>
    private static async Task WriteCommunityHistoryAsync(SqliteTransaction tx, IReadOnlyList<CommunityEvent>? events, CancellationToken cancellationToken)
    {
        await using (var max = tx.Command("""
            UPDATE analytics_run SET max_community = (
                SELECT max(m) FROM (SELECT max(max_community) AS m FROM analytics_run UNION ALL SELECT max(id) FROM community))
            WHERE pk = (SELECT max(pk) FROM analytics_run);
            """))
        {
            await max.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (events is not { Count: > 0 })
        {
            return;
        }

        await using var insert = tx.Command("""
            INSERT INTO community_event (run, seq, level, kind, community, size, previous_size, related)
            VALUES ((SELECT max(pk) FROM analytics_run), $seq, $level, $kind, $community, $size, $previous, $related);
            """);
        var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
        var level = insert.Parameters.Add("$level", SqliteType.Integer);
        var kind = insert.Parameters.Add("$kind", SqliteType.Text);
        var community = insert.Parameters.Add("$community", SqliteType.Integer);
        var size = insert.Parameters.Add("$size", SqliteType.Integer);
        var previous = insert.Parameters.Add("$previous", SqliteType.Integer);
        var related = insert.Parameters.Add("$related", SqliteType.Text);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            (seq.Value, level.Value, kind.Value, community.Value, size.Value, previous.Value) =
                (i, e.Level, CommunityEventNames.Name(e.Kind), e.Community, e.Size, e.PreviousSize);
            related.Value = CommunityEventNames.RelatedJson(e.Related);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Puts the community events the run just recorded into the change feed as <c>COMMUNITY_EVENT</c>s of its version, in the
    /// write-back's transaction, so they take their place in commit order (cursors, live subscribers) like any other event.
    /// The event's paper column holds the community's id; its data the event as JSON (event, level, community, sizes, and
    /// related as <c>[[id, jaccard], …]</c>, as <c>community_event</c> keeps it).
    /// </summary>
    private static async Task LogCommunityEventsAsync(SqliteTransaction tx, long version, CancellationToken cancellationToken)
    {
        await using var log = tx.Command("""
            INSERT INTO change_event (version, kind, paper, data)
            SELECT $v, 6, CAST(e.community AS TEXT), json_object('event', e.kind, 'level', e.level, 'community', e.community,
                'size', e.size, 'previousSize', e.previous_size, 'related', json(e.related))
            FROM community_event e WHERE e.run = (SELECT max(pk) FROM analytics_run) ORDER BY e.level, e.seq;
            """);
        log.Parameters.AddWithValue("$v", version);
        await log.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<int?> GetMaxCommunityIdAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(m) FROM (SELECT max(max_community) AS m FROM analytics_run UNION ALL SELECT max(id) FROM community);";
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? null : Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CommunityEvent>> GetCommunityEventsAsync(long afterRun = 0, long? untilRun = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT e.run, r.ran_at, e.level, e.kind, e.community, e.size, e.previous_size, e.related
            FROM community_event e JOIN analytics_run r ON r.pk = e.run
            WHERE e.run > $after AND ($until IS NULL OR e.run <= $until)
            ORDER BY e.run, e.level, e.seq;
            """;
        command.Parameters.AddWithValue("$after", afterRun);
        command.Parameters.AddWithValue("$until", (object?)untilRun ?? DBNull.Value);
        var events = new List<CommunityEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(new CommunityEvent(
                CommunityEventNames.Parse(reader.GetString(3)), reader.GetInt32(2), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6),
                CommunityEventNames.RelatedFromJson(reader.GetString(7)))
            {
                Run = reader.GetInt64(0),
                At = DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture),
            });
        }

        return events;
    }
}
