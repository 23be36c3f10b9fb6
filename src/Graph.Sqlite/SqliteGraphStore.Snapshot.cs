using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

public sealed partial class SqliteGraphStore
{
    /// <inheritdoc />
    public async Task<SnapshotSource> ReadSnapshotSourceAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // One read transaction: in WAL mode it sees one committed state however long the reads take.
        await using var tx = connection.BeginTransaction(deferred: true);

        var ids = new List<string>();
        var years = new List<int>();
        var stubs = new List<bool>();
        var communities = new List<int>();
        var ranks = new List<double>();
        var index = new Dictionary<long, int>();
        var keys = new List<long>();
        // The version this read shows whole: the last one, when no run had written part of its rows (a version is finished
        // in the transaction that counts its summary, after its last write). Read first, in the same transaction as the rows.
        long? atVersion;
        await using (var versions = Command(connection, tx,
            "SELECT CASE WHEN EXISTS (SELECT 1 FROM version WHERE finished_at IS NULL) THEN NULL ELSE (SELECT max(number) FROM version) END;"))
        {
            atVersion = await versions.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long v ? v : null;
        }

        await using (var papers = Command(connection, tx, "SELECT pk, id, year, is_stub, community, page_rank FROM paper ORDER BY pk;"))
        await using (var reader = await papers.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                index[reader.GetInt64(0)] = ids.Count;
                keys.Add(reader.GetInt64(0));
                ids.Add(reader.GetString(1));
                years.Add(reader.IsDBNull(2) ? int.MinValue : reader.GetInt32(2));
                stubs.Add(reader.GetInt64(3) != 0);
                communities.Add(reader.IsDBNull(4) ? -1 : reader.GetInt32(4));
                ranks.Add(reader.IsDBNull(5) ? double.NaN : reader.GetDouble(5));
            }
        }

        var sources = new List<int>();
        var targets = new List<int>();
        var inferred = new List<InferredCitation>();
        // Explicit sorts before inferred, so a pair cited both ways is kept once, as explicit.
        await using (var cites = Command(connection, tx, "SELECT src_pk, dst_pk, kind, confidence, evidence FROM cites ORDER BY src_pk, dst_pk, kind;"))
        await using (var reader = await cites.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            int lastSource = -1, lastTarget = -1;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var s = index[reader.GetInt64(0)];
                var t = index[reader.GetInt64(1)];
                if (s == lastSource && t == lastTarget)
                {
                    continue;
                }

                (lastSource, lastTarget) = (s, t);
                sources.Add(s);
                targets.Add(t);
                if (reader.GetInt64(2) == CitationKinds.Inferred)
                {
                    inferred.Add(new InferredCitation(s, t, reader.GetDouble(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
                }
            }
        }

        var repoUrls = new List<string>();
        var repoIndex = new Dictionary<long, int>();
        await using (var repos = Command(connection, tx, "SELECT pk, url FROM repo ORDER BY pk;"))
        await using (var reader = await repos.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                repoIndex[reader.GetInt64(0)] = repoUrls.Count;
                repoUrls.Add(reader.GetString(1));
            }
        }

        var linkPapers = new List<int>();
        var linkRepos = new List<int>();
        await using (var links = Command(connection, tx, "SELECT DISTINCT paper_pk, repo_pk FROM paper_repo ORDER BY paper_pk, repo_pk;"))
        await using (var reader = await links.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                linkPapers.Add(index[reader.GetInt64(0)]);
                linkRepos.Add(repoIndex[reader.GetInt64(1)]);
            }
        }

        var (coSources, coTargets, coWeights) = await ReadCoTopicEdgesAsync(connection, tx, new DenseKeyIndex(index), cancellationToken).ConfigureAwait(false);

        return new SnapshotSource
        {
            PaperIds = [.. ids],
            Years = [.. years],
            IsStub = [.. stubs],
            Communities = [.. communities],
            PageRanks = [.. ranks],
            CitationSources = [.. sources],
            CitationTargets = [.. targets],
            Inferred = inferred,
            RepoUrls = [.. repoUrls],
            RepoLinkPapers = [.. linkPapers],
            RepoLinkRepos = [.. linkRepos],
            CoTopicSources = coSources,
            CoTopicTargets = coTargets,
            CoTopicWeights = coWeights,
            PaperKeys = [.. keys],
            AtVersion = atVersion,
        };
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }
}
