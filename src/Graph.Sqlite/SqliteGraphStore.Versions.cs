using System.Globalization;
using System.Text.Json;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage.Versions;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

public sealed partial class SqliteGraphStore
{
    /// <inheritdoc />
    public bool KeepsVersions => true;

    /// <inheritdoc />
    public async Task<GraphVersion> CompleteRunAsync(VersionRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenForWriteAsync(cancellationToken).ConfigureAwait(false);
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            var number = run.Number;
            if (number == 0)
            {
                // The run wrote nothing (a re-load of known records writes no row): it still is a version, an empty one.
                await using var insert = tx.Command("INSERT INTO version (kind, started_at) VALUES ($kind, $at) RETURNING number;");
                insert.Parameters.AddWithValue("$kind", SqliteVersionLog.KindName(run.Kind));
                insert.Parameters.AddWithValue("$at", run.StartedAt.ToString("O", CultureInfo.InvariantCulture));
                number = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }

            var summary = await SqliteVersionLog.CountAsync(connection, tx, number, cancellationToken).ConfigureAwait(false);
            await using (var finish = tx.Command("UPDATE version SET finished_at = $at, summary = $summary WHERE number = $v;"))
            {
                finish.Parameters.AddWithValue("$at", now);
                finish.Parameters.AddWithValue("$summary", JsonSerializer.Serialize(summary));
                finish.Parameters.AddWithValue("$v", number);
                await finish.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            run.Assign(number);
            return new GraphVersion(number, run.Kind, run.StartedAt, DateTimeOffset.Parse(now, CultureInfo.InvariantCulture), summary);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<GraphVersion>> ReadVersionsAsync(long after, int first, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SqliteVersionLog.VersionColumns} FROM version v WHERE v.number > $after ORDER BY v.number LIMIT $first;";
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$first", first);
        var versions = new List<GraphVersion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            versions.Add(await SqliteVersionLog.ReadAsync(connection, reader, cancellationToken).ConfigureAwait(false));
        }

        return versions;
    }

    /// <inheritdoc />
    public async Task<GraphVersion?> FindVersionAsync(long number, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SqliteVersionLog.VersionColumns} FROM version v WHERE v.number = $v;";
        command.Parameters.AddWithValue("$v", number);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? await SqliteVersionLog.ReadAsync(connection, reader, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <inheritdoc />
    public async Task<ChangePage> ReadChangesAsync(long sinceVersion, ChangeCursor after, int first, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ChangeFeedReader.ReadAsync(connection, sinceVersion, after, first, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Paper?> FindPaperAsOfAsync(string id, long version, CancellationToken cancellationToken = default)
    {
        var paper = await FindPaperAsync(id, cancellationToken).ConfigureAwait(false);
        if (paper is null)
        {
            return null;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await AsOfAsync(connection, paper, version, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <paramref name="paper"/> as it was at <paramref name="version"/>: its field changes after the version undone, newest
    /// first, and the analytics of the last analyze run at or before it; null when the paper was added after it.
    /// </summary>
    private static async Task<Paper?> AsOfAsync(SqliteConnection connection, Paper paper, long version, CancellationToken ct)
    {
        await using (var changes = connection.CreateCommand())
        {
            // By the paper's events (change_event_of_paper; `+version` keeps the version index out of the planner's
            // choice), or a scan while a bulk load has that index dropped: never INDEXED BY, which would fail then.
            changes.CommandText = """
                SELECT kind, data FROM change_event
                WHERE paper = $id AND kind IN (1, 3) AND +version > $v ORDER BY seq DESC;
                """;
            changes.Parameters.AddWithValue("$id", paper.Id);
            changes.Parameters.AddWithValue("$v", version);
            await using var reader = await changes.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                if (reader.GetInt32(0) == (int)ChangeKind.PaperAdded)
                {
                    return null;
                }

                using var data = JsonDocument.Parse(reader.GetString(1));
                var old = data.RootElement.GetProperty("old");
                paper = WithField(paper, data.RootElement.GetProperty("field").GetString()!, old);
            }
        }

        await using var analytics = connection.CreateCommand();
        analytics.CommandText = """
            SELECT h.page_rank, h.betweenness, h.community, h.core_number FROM analytics_history h JOIN paper p ON p.pk = h.paper_pk
            WHERE p.id = $id AND h.version = (SELECT max(version) FROM analytics_history WHERE version <= $v);
            """;
        analytics.Parameters.AddWithValue("$id", paper.Id);
        analytics.Parameters.AddWithValue("$v", version);
        await using var scores = await analytics.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await scores.ReadAsync(ct).ConfigureAwait(false)
            ? paper with
            {
                PageRank = scores.IsDBNull(0) ? null : scores.GetDouble(0),
                Betweenness = scores.IsDBNull(1) ? null : scores.GetDouble(1),
                Community = scores.IsDBNull(2) ? null : scores.GetInt32(2),
                CoreNumber = scores.IsDBNull(3) ? null : scores.GetInt32(3),
            }
            : paper with { PageRank = null, Betweenness = null, Community = null, CoreNumber = null };
    }

    private static Paper WithField(Paper paper, string field, JsonElement old)
    {
        string? Text() => old.ValueKind == JsonValueKind.Null ? null : old.ValueKind == JsonValueKind.String ? old.GetString() : old.GetRawText();
        int? Number() => old.ValueKind == JsonValueKind.Number ? old.GetInt32() : null;
        return field switch
        {
            "title" => paper with { Title = Text() ?? paper.Title },
            "abstract" => paper with { Abstract = Text() },
            "published" => paper with { Published = Text() },
            "year" => paper with { Year = Number() },
            "authors_count" => paper with { AuthorsCount = Number() },
            "organization" => paper with { Organization = Text() },
            "upvotes" => paper with { Upvotes = Number() },
            "arxiv_id" => paper with { ArxivId = Text() },
            "doi" => paper with { Doi = Text() },
            _ => paper,
        };
    }

    /// <summary>
    /// Keeps the scores an analyze run wrote under its version, and every paper's citation count (distinct citing papers) at
    /// that moment, so rankings can be asked as of it; the counts are the base of <c>ranking(CITATIONS, asOf:)</c>.
    /// </summary>
    private static async Task KeepAnalyticsHistoryAsync(SqliteTransaction tx, long version, CancellationToken ct)
    {
        await using var keep = tx.Command("""
            INSERT OR REPLACE INTO analytics_history (version, paper_pk, page_rank, betweenness, community, core_number, citations)
            SELECT $v, p.pk, p.page_rank, p.betweenness, p.community, p.core_number,
                CASE WHEN p.is_stub = 0 THEN (SELECT COUNT(DISTINCT c.src_pk) FROM cites c WHERE c.dst_pk = p.pk) END
            FROM paper p
            WHERE p.is_stub = 0 OR p.page_rank IS NOT NULL OR p.betweenness IS NOT NULL OR p.community IS NOT NULL OR p.core_number IS NOT NULL;
            """);
        keep.Parameters.AddWithValue("$v", version);
        await keep.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
