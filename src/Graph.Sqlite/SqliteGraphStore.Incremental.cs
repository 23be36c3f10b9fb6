using System.Globalization;
using System.Text.Json;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage.Versions;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

public sealed partial class SqliteGraphStore
{
    // What the derive pass reads of a paper: text, dates, ids, authors in order, keywords and mentioned ids.
    private const string PaperTextSelect = """
        SELECT p.id, p.title, p.abstract, p.year, p.published, p.arxiv_id, p.doi,
               (SELECT json_group_array(name) FROM (SELECT a.name FROM authored ad JOIN author a ON a.pk = ad.author_pk
                 WHERE ad.paper_pk = p.pk ORDER BY ad.position, a.name)),
               (SELECT json_group_array(keyword) FROM (SELECT keyword FROM paper_keyword k WHERE k.paper_pk = p.pk ORDER BY keyword)),
               (SELECT json_group_array(json_array(kind, value)) FROM (SELECT kind, value FROM paper_mention m
                 WHERE m.paper_pk = p.pk ORDER BY kind, value))
        FROM paper p
        """;

    private const string FullDeriveName = "full";

    /// <inheritdoc />
    public async Task<FullDeriveMark?> ReadFullDeriveAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT papers, at FROM derive_state WHERE name = $name;";
        command.Parameters.AddWithValue("$name", FullDeriveName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new FullDeriveMark(reader.GetInt32(0), DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture))
            : null;
    }

    /// <inheritdoc />
    public async Task WriteFullDeriveAsync(FullDeriveMark mark, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mark);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenForWriteAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO derive_state (name, papers, at) VALUES ($name, $papers, $at)
                ON CONFLICT (name) DO UPDATE SET papers = excluded.papers, at = excluded.at;
                """;
            command.Parameters.AddWithValue("$name", FullDeriveName);
            command.Parameters.AddWithValue("$papers", mark.Papers);
            command.Parameters.AddWithValue("$at", mark.At.ToString("O", CultureInfo.InvariantCulture));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PaperText>> ReadPaperTextsAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paperIds);
        var texts = new List<PaperText>();
        if (paperIds.Count == 0)
        {
            return texts;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = PaperTextSelect + " WHERE p.is_stub = 0 AND p.pk IN (SELECT pk FROM paper WHERE id IN (SELECT value FROM json_each($ids))) ORDER BY p.pk;";
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(paperIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            texts.Add(ReadPaperText(reader));
        }

        return texts;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Topic>> ReadTopicsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {TopicColumns} FROM topic t ORDER BY t.pk;";
        var topics = new List<Topic>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            topics.Add(ReadTopic(reader, 0));
        }

        return topics;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ReadTopicPapersAsync(
        IReadOnlyCollection<string> topicIds, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topicIds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // Walks has_topic_topic (topic_pk, weight DESC) for one topic at a time: the index, never the table.
        command.CommandText = """
            SELECT p.id FROM topic t JOIN has_topic h ON h.topic_pk = t.pk JOIN paper p ON p.pk = h.paper_pk
            WHERE t.id = $topic ORDER BY h.weight DESC, h.paper_pk LIMIT $limit;
            """;
        var topic = command.Parameters.Add("$topic", SqliteType.Text);
        command.Parameters.AddWithValue("$limit", limit);
        foreach (var id in topicIds.Distinct(StringComparer.Ordinal))
        {
            topic.Value = id;
            var papers = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    papers.Add(reader.GetString(0));
                }
            }

            result[id] = papers;
        }

        return result;
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<TopicAssignment>>> ReadPaperTopicsAsync(
        IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) =>
        ReadPerPaperAsync(
            paperIds,
            """
            SELECT p.id, t.id, h.weight FROM paper p JOIN has_topic h ON h.paper_pk = p.pk JOIN topic t ON t.pk = h.topic_pk
            WHERE p.id IN (SELECT value FROM json_each($ids)) ORDER BY p.id, h.weight DESC, t.pk;
            """,
            r => new TopicAssignment(r.GetString(0), r.GetString(1), r.GetDouble(2)),
            cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<CoTopicRow>> ReadCoTopicRowsAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paperIds);
        var rows = new List<CoTopicRow>();
        if (paperIds.Count == 0)
        {
            return rows;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT me.id, o.id, c.weight, c.shared, c.reasons FROM paper me JOIN co_topic c ON c.paper_pk = me.pk JOIN paper o ON o.pk = c.other_pk
            WHERE me.id IN (SELECT value FROM json_each($ids)) ORDER BY me.id, c.weight DESC, o.id;
            """;
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(paperIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var weight = reader.GetDouble(2);
            var reasons = CoTopicReasons.FromJson(reader.GetString(4), weight);
            rows.Add(new CoTopicRow(reader.GetString(0), reader.GetString(1), weight, reader.GetInt32(3), [.. reasons.Select(r => r.Text)])
            {
                ReasonWeights = [.. reasons.Select(r => r.Weight)],
            });
        }

        return rows;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> FindPapersWritingAsync(
        IReadOnlyCollection<string> phrases, int limit, bool titleOnly = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var found = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // One prepared statement for every phrase; the rowids come from the full-text index, in order, LIMIT each.
        command.CommandText = """
            SELECT p.id FROM paper p WHERE p.pk IN (SELECT rowid FROM paper_fts WHERE paper_fts MATCH $match ORDER BY rowid LIMIT $limit)
            AND p.is_stub = 0 ORDER BY p.pk;
            """;
        var match = command.Parameters.Add("$match", SqliteType.Text);
        command.Parameters.AddWithValue("$limit", limit);
        foreach (var phrase in phrases.Distinct(StringComparer.Ordinal))
        {
            var words = FtsQuery.FromText(phrase);
            if (words is null)
            {
                found[phrase] = [];
                continue;
            }

            // "a" "b" "c" as one FTS5 phrase: the words in this order, next to each other (porter-stemmed).
            var quoted = "\"" + words.Replace("\"", "", StringComparison.Ordinal) + "\"";
            match.Value = titleOnly ? "title : " + quoted : quoted;
            var ids = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    ids.Add(reader.GetString(0));
                }
            }

            found[phrase] = ids;
        }

        return found;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> FindPapersMentioningAsync(IReadOnlyCollection<ExternalId> ids, CancellationToken cancellationToken = default) =>
        ReadIdsAsync(
            """
            SELECT DISTINCT p.id FROM paper_mention m JOIN paper p ON p.pk = m.paper_pk
            WHERE p.is_stub = 0 AND (m.kind, m.value) IN (SELECT value ->> 0, value ->> 1 FROM json_each($ids)) ORDER BY p.pk;
            """,
            ids,
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> FindPapersByExternalIdsAsync(IReadOnlyCollection<ExternalId> ids, CancellationToken cancellationToken = default) =>
        ReadIdsAsync(
            """
            SELECT p.id FROM paper p WHERE p.is_stub = 0 AND (
                p.arxiv_id IN (SELECT value ->> 1 FROM json_each($ids) WHERE value ->> 0 = 'Arxiv') OR
                p.doi IN (SELECT value ->> 1 FROM json_each($ids) WHERE value ->> 0 = 'Doi'))
            ORDER BY p.pk;
            """,
            ids,
            cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<PaperVector>> ReadVectorsOfAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paperIds);
        var vectors = new List<PaperVector>();
        if (paperIds.Count == 0)
        {
            return vectors;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT p.id, v.text_hash, v.vector FROM paper p JOIN paper_vector v ON v.paper_pk = p.pk
            WHERE p.id IN (SELECT value FROM json_each($ids)) ORDER BY p.pk;
            """;
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(paperIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            vectors.Add(new PaperVector(reader.GetString(0), reader.GetString(1), Int8VectorCodec.Decode((byte[])reader.GetValue(2))));
        }

        return vectors;
    }

    /// <inheritdoc />
    public async Task<int> WriteDerivedOfPapersAsync(DerivedLayerUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        CitationRules.RequireInferred(update.Inferred);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenForWriteAsync(cancellationToken).ConfigureAwait(false);
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            using var version = await SqliteVersionTransaction.BeginAsync(tx, VersionKind.Derive, cancellationToken).ConfigureAwait(false);
            async Task RunAsync(string sql, params (string Name, object Value)[] parameters)
            {
                await using var command = tx.Command(sql);
                foreach (var (name, value) in parameters)
                {
                    command.Parameters.AddWithValue(name, value);
                }

                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            // The papers and topics touched, as temporary tables the statements below join on (by primary key).
            await RunAsync("""
                CREATE TEMP TABLE IF NOT EXISTS derive_papers (pk INTEGER PRIMARY KEY);
                CREATE TEMP TABLE IF NOT EXISTS derive_owners (pk INTEGER PRIMARY KEY);
                CREATE TEMP TABLE IF NOT EXISTS derive_topics (pk INTEGER PRIMARY KEY);
                DELETE FROM temp.derive_papers; DELETE FROM temp.derive_owners; DELETE FROM temp.derive_topics;
                """);
            await RunAsync(
                "INSERT OR IGNORE INTO temp.derive_papers SELECT pk FROM paper WHERE id IN (SELECT value FROM json_each($ids));",
                ("$ids", JsonSerializer.Serialize(update.Papers)));
            await RunAsync(
                "INSERT OR IGNORE INTO temp.derive_owners SELECT pk FROM paper WHERE id IN (SELECT value FROM json_each($ids));",
                ("$ids", JsonSerializer.Serialize(update.CoTopicOwners)));

            await using (var topic = tx.Command("INSERT INTO topic (id, name, aliases, df, idf) VALUES ($id, $name, $aliases, 0, $idf) ON CONFLICT DO NOTHING;"))
            await using (var alias = tx.Command("INSERT INTO topic_alias (alias, topic_pk) SELECT $alias, pk FROM topic WHERE id = $id ON CONFLICT DO NOTHING;"))
            {
                var (id, name, aliases, idf) = (topic.Parameters.Add("$id", SqliteType.Text), topic.Parameters.Add("$name", SqliteType.Text),
                    topic.Parameters.Add("$aliases", SqliteType.Text), topic.Parameters.Add("$idf", SqliteType.Real));
                var (aliasText, aliasId) = (alias.Parameters.Add("$alias", SqliteType.Text), alias.Parameters.Add("$id", SqliteType.Text));
                foreach (var t in update.NewTopics)
                {
                    (id.Value, name.Value, aliases.Value, idf.Value) = (t.Id, t.Name, JsonSerializer.Serialize(t.Aliases), t.Idf);
                    if (await topic.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                    {
                        continue;
                    }

                    // Each name as written (lower-cased) and its canonical key, as the full pass writes them.
                    foreach (var a in t.Aliases.Prepend(t.Name).SelectMany(a => new[] { a.ToLowerInvariant(), KeyAlias(a) }).Distinct(StringComparer.Ordinal))
                    {
                        (aliasText.Value, aliasId.Value) = (a, t.Id);
                        await alias.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            // HAS_TOPIC of the papers: the topics they leave and the ones they get both need their df recounted.
            await RunAsync("""
                INSERT OR IGNORE INTO temp.derive_topics SELECT DISTINCT h.topic_pk FROM has_topic h WHERE h.paper_pk IN (SELECT pk FROM temp.derive_papers);
                DELETE FROM has_topic WHERE paper_pk IN (SELECT pk FROM temp.derive_papers);
                """);
            await using (var insert = tx.Command("""
                INSERT INTO has_topic (paper_pk, topic_pk, weight)
                SELECT p.pk, t.pk, $w FROM paper p, topic t WHERE p.id = $p AND p.is_stub = 0 AND t.id = $t
                ON CONFLICT DO UPDATE SET weight = max(weight, excluded.weight);
                """))
            {
                var (p, t, w) = (insert.Parameters.Add("$p", SqliteType.Text), insert.Parameters.Add("$t", SqliteType.Text), insert.Parameters.Add("$w", SqliteType.Real));
                foreach (var row in update.HasTopic)
                {
                    (p.Value, t.Value, w.Value) = (row.PaperId, row.TopicId, row.Weight);
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await RunAsync("""
                INSERT OR IGNORE INTO temp.derive_topics SELECT DISTINCT h.topic_pk FROM has_topic h WHERE h.paper_pk IN (SELECT pk FROM temp.derive_papers);
                UPDATE topic SET df = (SELECT COUNT(*) FROM has_topic h WHERE h.topic_pk = topic.pk) WHERE pk IN (SELECT pk FROM temp.derive_topics);
                DELETE FROM co_topic WHERE paper_pk IN (SELECT pk FROM temp.derive_owners);
                """);
            await using (var insert = tx.Command("""
                INSERT INTO co_topic (paper_pk, other_pk, weight, shared, reasons)
                SELECT a.pk, b.pk, $w, $s, $r FROM paper a, paper b WHERE a.id = $p AND b.id = $o AND a.pk <> b.pk AND a.is_stub = 0 AND b.is_stub = 0
                ON CONFLICT DO NOTHING;
                """))
            {
                var (p, o, w, s, r) = (insert.Parameters.Add("$p", SqliteType.Text), insert.Parameters.Add("$o", SqliteType.Text),
                    insert.Parameters.Add("$w", SqliteType.Real), insert.Parameters.Add("$s", SqliteType.Integer), insert.Parameters.Add("$r", SqliteType.Text));
                foreach (var row in update.CoTopic)
                {
                    (p.Value, o.Value, w.Value, s.Value, r.Value) = (row.PaperId, row.OtherId, row.Weight, row.Shared, CoTopicReasons.ToJson(row));
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            // Inferred citations with a touched paper on either side go; the new ones come (never shadowing an explicit one).
            await RunAsync($"""
                DELETE FROM cites WHERE kind = {version.Kinds.Inferred} AND src_pk IN (SELECT pk FROM temp.derive_papers);
                DELETE FROM cites WHERE kind = {version.Kinds.Inferred} AND dst_pk IN (SELECT pk FROM temp.derive_papers);
                """);
            var written = 0;
            await using (var insert = tx.Command($"""
                INSERT INTO cites (src_pk, dst_pk, kind, confidence, evidence, {version.StampColumns})
                SELECT s.pk, d.pk, {version.Kinds.Inferred}, $confidence, $evidence, {version.StampValues} FROM paper s, paper d
                WHERE s.id = $src AND d.id = $dst AND s.pk <> d.pk
                  AND NOT EXISTS (SELECT 1 FROM cites c WHERE c.src_pk = s.pk AND c.dst_pk = d.pk AND c.kind = {version.Kinds.Explicit})
                ON CONFLICT (src_pk, dst_pk, kind) DO UPDATE SET
                    confidence = max(confidence, excluded.confidence), evidence = coalesce(evidence, excluded.evidence);
                """))
            {
                var (src, dst) = (insert.Parameters.Add("$src", SqliteType.Text), insert.Parameters.Add("$dst", SqliteType.Text));
                var (confidence, evidence) = (insert.Parameters.Add("$confidence", SqliteType.Real), insert.Parameters.Add("$evidence", SqliteType.Text));
                foreach (var c in update.Inferred)
                {
                    (src.Value, dst.Value, confidence.Value, evidence.Value) = (c.From, c.To, c.Confidence, (object?)c.Evidence ?? DBNull.Value);
                    written += await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await version.FinishAsync(cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            version.Committed();
            return written;
        }
        catch (SqliteException ex)
        {
            throw SqliteFailures.Translate(ex, $"Writing the derived layer of {update.Papers.Count} papers to {DatabasePath} failed");
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<IReadOnlyList<string>> ReadIdsAsync(string sql, IReadOnlyCollection<ExternalId> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var result = new List<string>();
        if (ids.Count == 0)
        {
            return result;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(ids.Select(i => new[] { i.Kind.ToString(), i.Value })));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }

    private static PaperText ReadPaperText(SqliteDataReader reader)
    {
        var mentions = JsonSerializer.Deserialize<string[][]>(reader.GetString(9)) ?? [];
        return new PaperText
        {
            Id = reader.GetString(0),
            Title = reader.GetString(1),
            Abstract = reader.IsDBNull(2) ? null : reader.GetString(2),
            Year = reader.IsDBNull(3) ? null : reader.GetInt32(3),
            Published = reader.IsDBNull(4) ? null : reader.GetString(4),
            ArxivId = reader.IsDBNull(5) ? null : reader.GetString(5),
            Doi = reader.IsDBNull(6) ? null : reader.GetString(6),
            Authors = JsonSerializer.Deserialize<string[]>(reader.GetString(7)) ?? [],
            Keywords = JsonSerializer.Deserialize<string[]>(reader.GetString(8)) ?? [],
            Mentions = mentions
                .Where(m => m.Length == 2 && Enum.TryParse<ExternalIdKind>(m[0], out _))
                .Select(m => new ExternalId(Enum.Parse<ExternalIdKind>(m[0]), m[1]))
                .ToArray(),
        };
    }
}
