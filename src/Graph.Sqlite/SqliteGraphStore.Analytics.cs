using System.Globalization;
using System.Text.Json;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage.Versions;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

public sealed partial class SqliteGraphStore
{
    /// <inheritdoc />
    public async Task<int> UpsertCitationsAsync(IReadOnlyList<Citation> citations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(citations);
        var written = 0;
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenForWriteAsync(cancellationToken).ConfigureAwait(false);
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            using var version = await SqliteVersionTransaction.BeginAsync(tx, VersionKind.Ingest, cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.Transaction = tx;
            // An explicit citation is what a source states: an inferred one for the same pair is then redundant.
            command.CommandText = $"""
                INSERT INTO cites (src_pk, dst_pk, kind, confidence, evidence, {version.StampColumns})
                SELECT s.pk, d.pk, $kind, $confidence, $evidence, {version.StampValues} FROM paper s, paper d
                WHERE s.id = $from AND d.id = $to AND s.pk <> d.pk
                  AND ($kind = {version.Kinds.Explicit} OR NOT EXISTS (SELECT 1 FROM cites c WHERE c.src_pk = s.pk AND c.dst_pk = d.pk AND c.kind = {version.Kinds.Explicit}))
                ON CONFLICT (src_pk, dst_pk, kind) DO UPDATE SET
                    confidence = max(confidence, excluded.confidence), evidence = coalesce(evidence, excluded.evidence);
                """;
            var from = command.Parameters.Add("$from", SqliteType.Text);
            var to = command.Parameters.Add("$to", SqliteType.Text);
            var kind = command.Parameters.AddWithValue("$kind", DBNull.Value); // typed by its value: integer, or a word on an old file
            var confidence = command.Parameters.Add("$confidence", SqliteType.Real);
            var evidence = command.Parameters.Add("$evidence", SqliteType.Text);
            foreach (var citation in citations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                from.Value = citation.From;
                to.Value = citation.To;
                kind.Value = version.Kinds.Value(citation.Kind);
                confidence.Value = citation.Confidence;
                evidence.Value = (object?)citation.Evidence ?? DBNull.Value;
                written += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0 ? 1 : 0;
            }

            await version.FinishAsync(cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            version.Committed();
            return written;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<EdgeList> ReadCitationGraphAsync(CitationKind? kind = null, double minConfidence = 0, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // One read transaction, so nodes and edges come from the same state even while a load writes.
        await using var tx = connection.BeginTransaction(deferred: true);
        var (ids, index) = await ReadNodeIndexAsync(connection, tx, cancellationToken).ConfigureAwait(false);

        // Counted first, so the edges go straight into arrays of their size: no growing lists of every edge and no copy
        // (at a hundred million citations each list doubles to 800 MB and is then copied).
        const string Filter = "FROM cites WHERE ($kind IS NULL OR kind = $kind) AND confidence >= $min";
        var kindValue = kind is { } k ? (object)CitationKinds.Of(k) : DBNull.Value;
        long rows;
        await using (var count = Command(connection, tx, $"SELECT count(*) {Filter};"))
        {
            count.Parameters.AddWithValue("$kind", kindValue);
            count.Parameters.AddWithValue("$min", minConfidence);
            rows = (long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        var sources = new int[rows <= Array.MaxLength ? rows : throw new InvalidOperationException($"{rows:N0} citations exceed one array; run the analytics in Neo4j")];
        var targets = new int[rows];
        var edgeCount = 0;
        await using (var edges = Command(connection, tx, $"SELECT src_pk, dst_pk {Filter} ORDER BY src_pk, dst_pk;"))
        {
            edges.Parameters.AddWithValue("$kind", kindValue);
            edges.Parameters.AddWithValue("$min", minConfidence);
            await using var reader = await edges.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            int lastSource = -1, lastTarget = -1;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && edgeCount < sources.Length)
            {
                var s = index[reader.GetInt64(0)];
                var t = index[reader.GetInt64(1)];
                // A pair cited both explicitly and inferred is one edge of the graph.
                if (s == lastSource && t == lastTarget)
                {
                    continue;
                }

                sources[edgeCount] = s;
                targets[edgeCount] = t;
                edgeCount++;
                (lastSource, lastTarget) = (s, t);
            }
        }

        // Only a pair cited both ways (explicit and inferred) leaves the arrays longer than the edges: then, and only then, a copy.
        if (edgeCount < sources.Length)
        {
            Array.Resize(ref sources, edgeCount);
            Array.Resize(ref targets, edgeCount);
        }

        return new EdgeList(ids, sources, targets);
    }

    /// <inheritdoc />
    public async Task<EdgeList> ReadCoTopicGraphAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = connection.BeginTransaction(deferred: true);
        var (ids, index) = await ReadNodeIndexAsync(connection, tx, cancellationToken).ConfigureAwait(false);

        var (sources, targets, weights) = await ReadCoTopicEdgesAsync(connection, tx, index, cancellationToken).ConfigureAwait(false);
        return new EdgeList(ids, sources, targets, weights);
    }

    /// <summary>Every CO_TOPIC row as dense index pairs with its weight, in row order.</summary>
    private static async Task<(int[] Sources, int[] Targets, float[] Weights)> ReadCoTopicEdgesAsync(
        SqliteConnection connection, SqliteTransaction tx, DenseKeyIndex index, CancellationToken cancellationToken)
    {
        var sources = new List<int>();
        var targets = new List<int>();
        var weights = new List<float>();
        await using var edges = Command(connection, tx, "SELECT paper_pk, other_pk, weight FROM co_topic ORDER BY paper_pk, other_pk;");
        await using var reader = await edges.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            sources.Add(index[reader.GetInt64(0)]);
            targets.Add(index[reader.GetInt64(1)]);
            weights.Add((float)reader.GetDouble(2));
        }

        return ([.. sources], [.. targets], [.. weights]);
    }

    /// <summary>Every paper's id in position order, and its row key → dense index map: the node list of a whole-graph read.</summary>
    private static async Task<(string[] Ids, DenseKeyIndex Index)> ReadNodeIndexAsync(
        SqliteConnection connection, SqliteTransaction tx, CancellationToken cancellationToken)
    {
        long count, maxKey;
        await using (var size = Command(connection, tx, "SELECT count(*), coalesce(max(pk), 0) FROM paper;"))
        await using (var reader = await size.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            (count, maxKey) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        var ids = new string[count];
        var index = new DenseKeyIndex(maxKey, count);
        var n = 0;
        await using var nodes = Command(connection, tx, "SELECT pk, id FROM paper ORDER BY pk;");
        await using var rows = await nodes.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (n < ids.Length && await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            index[rows.GetInt64(0)] = n;
            ids[n++] = rows.GetString(1);
        }

        return (ids, index);
    }

    /// <inheritdoc />
    public async Task WriteAnalyticsAsync(AnalyticsResults results, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        var columns = results.Columns().Select(c => (Column: ColumnOf(c.Measure), c.Value)).ToList();

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenForWriteAsync(cancellationToken, LayerWriteSettings).ConfigureAwait(false);
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            using var version = await SqliteVersionTransaction.BeginAsync(tx, VersionKind.Analyze, cancellationToken).ConfigureAwait(false);
            var rows = await AnalyticsRowKeys.ReadAsync(tx, results.NodeIds, cancellationToken).ConfigureAwait(false);
            if (columns.Count > 0)
            {
                await WritePaperMeasuresAsync(tx, columns, rows, cancellationToken).ConfigureAwait(false);
            }

            if (results.Community is not null)
            {
                await WritePaperCommunitiesAsync(tx, results, rows, cancellationToken).ConfigureAwait(false);
            }

            if (results.Communities is { } communities)
            {
                await using var clear = connection.CreateCommand();
                clear.Transaction = tx;
                clear.CommandText = "DELETE FROM community;";
                await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await using var insert = connection.CreateCommand();
                insert.Transaction = tx;
                insert.CommandText = "INSERT INTO community (id, level, size, label, parent, central) VALUES ($id, $level, $size, $label, $parent, $central);";
                var pId = insert.Parameters.Add("$id", SqliteType.Integer);
                var pLevel = insert.Parameters.Add("$level", SqliteType.Integer);
                var pSize = insert.Parameters.Add("$size", SqliteType.Integer);
                var pLabel = insert.Parameters.Add("$label", SqliteType.Text);
                var pParent = insert.Parameters.Add("$parent", SqliteType.Integer);
                var pCentral = insert.Parameters.Add("$central", SqliteType.Text);
                foreach (var community in communities)
                {
                    (pId.Value, pLevel.Value, pSize.Value, pLabel.Value) = (community.Id, community.Level, community.Size, community.Label);
                    pParent.Value = (object?)community.Parent ?? DBNull.Value;
                    pCentral.Value = JsonSerializer.Serialize(community.CentralPapers);
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await using (var run = connection.CreateCommand())
            {
                run.Transaction = tx;
                run.CommandText = "INSERT INTO analytics_run (ran_at, graph, algorithms, modularity, version) VALUES ($at, $graph, $algorithms, $modularity, $version);";
                run.Parameters.AddWithValue("$version", version.Number);
                run.Parameters.AddWithValue("$at", results.RanAt.ToString("O", CultureInfo.InvariantCulture));
                run.Parameters.AddWithValue("$graph", results.Graph);
                run.Parameters.AddWithValue("$algorithms", JsonSerializer.Serialize(results.Algorithms));
                run.Parameters.AddWithValue("$modularity", (object?)results.Modularity ?? DBNull.Value);
                await run.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await WriteCommunityHistoryAsync(tx, results.CommunityEvents, cancellationToken).ConfigureAwait(false);
            await LogCommunityEventsAsync(tx, version.Number, cancellationToken).ConfigureAwait(false);
            await KeepAnalyticsHistoryAsync(tx, version.Number, cancellationToken).ConfigureAwait(false);
            await version.FinishAsync(cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            version.Committed();
        }
        finally
        {
            _writeLock.Release();
        }
    }


    /// <summary>
    /// Sets the run's measures on every paper it covers and clears them on the papers it did not, in row key order; the
    /// measures the run did not compute keep their values.
    /// </summary>
    private static async Task WritePaperMeasuresAsync(
        SqliteTransaction tx, IReadOnlyList<(string Column, Func<int, object> Value)> columns, AnalyticsRowKeys rows, CancellationToken cancellationToken)
    {
        // Column names come from the fixed list of ColumnOf, never from input.
        await using (var clear = tx.Command("UPDATE paper SET " + string.Join(", ", columns.Select(c => c.Column + " = NULL")) + " WHERE pk = $pk;"))
        {
            var clearKey = clear.Parameters.Add("$pk", SqliteType.Integer);
            foreach (var key in rows.Others)
            {
                clearKey.Value = key;
                await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await using var update = tx.Command("UPDATE paper SET " + string.Join(", ", columns.Select((c, i) => $"{c.Column} = $v{i}")) + " WHERE pk = $pk;");
        var pk = update.Parameters.Add("$pk", SqliteType.Integer);
        var values = columns.Select((_, i) => update.Parameters.Add($"$v{i}", SqliteType.Real)).ToArray();
        foreach (var (n, key) in rows.InKeyOrder())
        {
            pk.Value = key;
            for (var c = 0; c < columns.Count; c++)
            {
                values[c].Value = columns[c].Value(n);
            }

            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Replaces every paper's place in the hierarchy: one row per paper and level from <see cref="AnalyticsResults.CommunityLevels"/>,
    /// or level 0 alone from <see cref="AnalyticsResults.Community"/> when the run kept no levels; written in (paper, level)
    /// order, the order of the table's key.
    /// </summary>
    private static async Task WritePaperCommunitiesAsync(SqliteTransaction tx, AnalyticsResults results, AnalyticsRowKeys rows, CancellationToken cancellationToken)
    {
        var levels = results.CommunityLevels ?? [results.Community!];
        for (var l = 0; l < levels.Count; l++)
        {
            if (levels[l].Length != results.NodeIds.Length)
            {
                throw new ArgumentException($"Community level {l} has {levels[l].Length} values for {results.NodeIds.Length} nodes.", nameof(results));
            }
        }

        await using (var clear = tx.Command("DELETE FROM community_member;"))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var insert = tx.Command("INSERT INTO community_member (paper_pk, level, community) VALUES ($pk, $level, $community);");
        var pk = insert.Parameters.Add("$pk", SqliteType.Integer);
        var level = insert.Parameters.Add("$level", SqliteType.Integer);
        var community = insert.Parameters.Add("$community", SqliteType.Integer);
        foreach (var (n, key) in rows.InKeyOrder())
        {
            pk.Value = key;
            for (var l = 0; l < levels.Count; l++)
            {
                (level.Value, community.Value) = (l, levels[l][n]);
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The paper column a measure is kept in (a fixed name, never input).</summary>
    private static string ColumnOf(AnalyticsMeasure measure) => measure switch
    {
        AnalyticsMeasure.PageRank => "page_rank",
        AnalyticsMeasure.Betweenness => "betweenness",
        AnalyticsMeasure.Community => "community",
        AnalyticsMeasure.CoreNumber => "core_number",
        AnalyticsMeasure.Component => "component",
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
    };

    /// <inheritdoc />
    public async Task<IReadOnlyList<RankedPaper>> RankAsync(RankingMetric metric, int first, PaperFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        var score = metric switch
        {
            RankingMetric.PageRank => "p.page_rank",
            RankingMetric.Betweenness => "p.betweenness",
            RankingMetric.Core => "p.core_number",
            // A pair cited both explicitly and inferred is one citing paper; counted for all papers in one grouped scan of
            // the citations (below), not by a correlated count per paper, which cost several seconds at 200K papers.
            RankingMetric.Citations => "COALESCE(cc.n, 0)",
            _ => throw new ArgumentOutOfRangeException(nameof(metric)),
        };
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var where = FilterSql(filter, command);
        if (where is null)
        {
            return [];
        }

        // The score expression is one of the fixed fragments above; values travel as parameters.
        var from = metric == RankingMetric.Citations
            ? "paper p LEFT JOIN (SELECT dst_pk, COUNT(DISTINCT src_pk) AS n FROM cites GROUP BY dst_pk) cc ON cc.dst_pk = p.pk"
            : "paper p";
        command.CommandText = $"""
            SELECT {PaperColumns}, {score} AS score FROM {from}
            WHERE {where} AND {score} IS NOT NULL ORDER BY score DESC, p.id LIMIT $first;
            """;
        command.Parameters.AddWithValue("$first", first);
        var ranked = new List<RankedPaper>(first);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ranked.Add(new RankedPaper(ranked.Count + 1, ReadPaper(reader), reader.GetDouble(PaperColumnCount)));
        }

        return ranked;
    }

    /// <inheritdoc />
    public async Task<(IReadOnlyList<Community> Items, int TotalCount)> GetCommunitiesAsync(int first, int after, int level = 0, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {CommunityColumns} FROM community
            WHERE level = $level ORDER BY size DESC, id LIMIT $first OFFSET $after;
            """;
        command.Parameters.AddWithValue("$first", first);
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$level", level);
        var items = new List<Community>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(ReadCommunity(reader));
            }
        }

        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM community WHERE level = $level;";
        count.Parameters.AddWithValue("$level", level);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        return (items, total);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, int>> GetPaperCommunitiesAsync(IReadOnlyCollection<string> paperIds, int level, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paperIds);
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        if (paperIds.Count == 0)
        {
            return result;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT p.id, m.community FROM paper p JOIN community_member m ON m.paper_pk = p.pk AND m.level = $level
            WHERE p.id IN (SELECT value FROM json_each($ids));
            """;
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(paperIds));
        command.Parameters.AddWithValue("$level", level);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result[reader.GetString(0)] = reader.GetInt32(1);
        }

        return result;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The nodes' row keys first (<see cref="AnalyticsRowKeys"/>, the write-back's one pass over the papers), then one scan of
    /// <c>community_member</c> in its key order (paper, level) merged against them: no id read per membership and no
    /// dictionary of ids per level. Joining each membership to its paper's id took ~3 minutes at ten million papers and its
    /// dictionaries ~3 GB; before that, three lookups of every id through a JSON list (one per level) took 35-58 s at 200,000.
    /// </remarks>
    public async Task<IReadOnlyList<int[]>> ReadCommunityLevelsAsync(string[] nodeIds, int maxLevels, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeIds);
        var levels = new List<int[]>();
        var placed = new List<int>();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // One read transaction: the keys and the memberships from the same state.
        await using var tx = connection.BeginTransaction(deferred: true);
        var keys = await AnalyticsRowKeys.ReadAsync(tx, nodeIds, cancellationToken).ConfigureAwait(false);
        using var nodes = keys.InKeyOrder().GetEnumerator();
        var more = nodes.MoveNext();
        await using var command = Command(connection, tx, """
            SELECT paper_pk, level, community FROM community_member
            WHERE level >= 0 AND level < $max ORDER BY paper_pk, level;
            """);
        command.Parameters.AddWithValue("$max", maxLevels);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (more && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var key = reader.GetInt64(0);
            while (more && nodes.Current.Key < key)
            {
                more = nodes.MoveNext();
            }

            if (!more || nodes.Current.Key != key)
            {
                continue;
            }

            var level = reader.GetInt32(1);
            while (levels.Count <= level)
            {
                var unplaced = new int[nodeIds.Length];
                Array.Fill(unplaced, -1);
                levels.Add(unplaced);
                placed.Add(0);
            }

            levels[level][nodes.Current.Node] = reader.GetInt32(2);
            placed[level]++;
        }

        var empty = placed.IndexOf(0);
        return [.. empty < 0 ? levels : levels.Take(empty)];
    }

    /// <summary>The community columns <see cref="ReadCommunity"/> reads, in its order.</summary>
    private const string CommunityColumns = "id, level, size, label, parent, central";

    private static Community ReadCommunity(SqliteDataReader reader) => new(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetString(3))
    {
        Parent = reader.IsDBNull(4) ? null : reader.GetInt32(4),
        CentralPapers = JsonSerializer.Deserialize<string[]>(reader.GetString(5)) ?? [],
    };

    /// <inheritdoc />
    public async Task<Community?> GetCommunityAsync(int id, CancellationToken cancellationToken = default) =>
        (await GetCommunitiesByIdAsync([id], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(id);

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<int, Community>> GetCommunitiesByIdAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var communities = new Dictionary<int, Community>();
        if (ids.Count == 0)
        {
            return communities;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {CommunityColumns} FROM community WHERE id IN (SELECT value FROM json_each($ids));";
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(ids));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var community = ReadCommunity(reader);
            communities[community.Id] = community;
        }

        return communities;
    }

    /// <inheritdoc />
    public async Task<AnalyticsSummary?> GetAnalyticsSummaryAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ran_at, graph, algorithms, modularity, (SELECT COUNT(*) FROM community WHERE level = 0) FROM analytics_run ORDER BY pk DESC LIMIT 1;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new AnalyticsSummary(
            DateTimeOffset.Parse(reader.GetString(0), CultureInfo.InvariantCulture),
            reader.GetString(1),
            JsonSerializer.Deserialize<string[]>(reader.GetString(2)) ?? [],
            reader.IsDBNull(3) ? null : reader.GetDouble(3),
            reader.GetInt32(4));
    }
}
