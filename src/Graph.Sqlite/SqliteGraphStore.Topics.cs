using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage.Versions;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

public sealed partial class SqliteGraphStore
{
    private const string TopicColumns = "t.name, t.aliases, t.df, t.idf, t.by_year, t.growth";
    private const int TopicColumnCount = 6;

    /// <summary>The tables the topic graph replaces as a whole.</summary>
    private static readonly string[] TopicLayerTables = ["topic", "topic_alias", "topic_broader", "has_topic", "co_topic", "co_occurs"];

    /// <inheritdoc />
    public async IAsyncEnumerable<PaperText> ReadPaperTextsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = connection.BeginTransaction(deferred: true);
        await using var command = tx.Command(PaperTextSelect + " WHERE p.is_stub = 0 ORDER BY p.pk;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReadPaperText(reader);
        }
    }

    /// <inheritdoc />
    public async Task WriteTopicGraphAsync(TopicGraph graph, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenForWriteAsync(cancellationToken, LayerWriteSettings).ConfigureAwait(false);
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            // Replaced as a whole, in a deterministic order, so the same graph yields the same rows (and row ids).
            await using (var clear = tx.Command("DELETE FROM co_occurs; DELETE FROM co_topic; DELETE FROM has_topic; DELETE FROM topic_broader; DELETE FROM topic_alias; DELETE FROM topic;"))
            {
                await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            // Rows arrive paper by paper, in the order of every table's key; only the indexes by topic are filled out of order.
            var indexes = await IndexesBuiltAfter.DropAsync(tx, TopicLayerTables, cancellationToken).ConfigureAwait(false);

            PaperKeysById paperPks;
            await using (var count = tx.Command("SELECT count(*) FROM paper WHERE is_stub = 0;"))
            {
                paperPks = new PaperKeysById((long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!);
            }

            await using (var pks = tx.Command("SELECT id, pk FROM paper WHERE is_stub = 0;"))
            await using (var reader = await pks.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    paperPks.Add(reader.GetString(0), reader.GetInt64(1));
                }
            }

            var topicPks = new long[graph.Topics.Count];
            await using (var insert = tx.Command("INSERT INTO topic (pk, id, name, aliases, df, idf, by_year, growth) VALUES ($pk, $id, $name, $aliases, $df, $idf, $byYear, $growth);"))
            await using (var alias = tx.Command("INSERT INTO topic_alias (alias, topic_pk) VALUES ($alias, $pk) ON CONFLICT DO NOTHING;"))
            {
                var (pk, id, name, aliases, df, idf) = (insert.Parameters.Add("$pk", SqliteType.Integer), insert.Parameters.Add("$id", SqliteType.Text),
                    insert.Parameters.Add("$name", SqliteType.Text), insert.Parameters.Add("$aliases", SqliteType.Text),
                    insert.Parameters.Add("$df", SqliteType.Integer), insert.Parameters.Add("$idf", SqliteType.Real));
                var (aliasText, aliasPk) = (alias.Parameters.Add("$alias", SqliteType.Text), alias.Parameters.Add("$pk", SqliteType.Integer));
                var (byYear, growth) = (insert.Parameters.Add("$byYear", SqliteType.Text), insert.Parameters.Add("$growth", SqliteType.Real));
                for (var i = 0; i < graph.Topics.Count; i++)
                {
                    var topic = graph.Topics[i];
                    topicPks[i] = i + 1;
                    (pk.Value, id.Value, name.Value) = (i + 1, topic.Id, topic.Name);
                    (aliases.Value, df.Value, idf.Value) = (JsonSerializer.Serialize(topic.Aliases), topic.Df, topic.Idf);
                    (byYear.Value, growth.Value) = (TopicYears.ToJson(topic.ByYear), (object?)topic.Growth ?? DBNull.Value);
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    // Each name as written (lower-cased) and its canonical key, so a look-up by any variant finds it.
                    foreach (var a in topic.Aliases.Prepend(topic.Name).SelectMany(a => new[] { a.ToLowerInvariant(), KeyAlias(a) }).Distinct(StringComparer.Ordinal))
                    {
                        (aliasText.Value, aliasPk.Value) = (a, i + 1);
                        await alias.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            await using (var insert = tx.Command("INSERT INTO has_topic (paper_pk, topic_pk, weight) VALUES ($p, $t, $w) ON CONFLICT DO UPDATE SET weight = max(weight, excluded.weight);"))
            {
                var (p, t, w) = (insert.Parameters.Add("$p", SqliteType.Integer), insert.Parameters.Add("$t", SqliteType.Integer), insert.Parameters.Add("$w", SqliteType.Real));
                foreach (var row in graph.HasTopic)
                {
                    if (paperPks.TryGetValue(row.PaperId, out var paperPk))
                    {
                        (p.Value, t.Value, w.Value) = (paperPk, topicPks[row.Topic], row.Weight);
                        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            await using (var insert = tx.Command("INSERT INTO topic_broader (narrower_pk, broader_pk) VALUES ($n, $b) ON CONFLICT DO NOTHING;"))
            {
                var (narrower, broader) = (insert.Parameters.Add("$n", SqliteType.Integer), insert.Parameters.Add("$b", SqliteType.Integer));
                foreach (var link in graph.Broader)
                {
                    (narrower.Value, broader.Value) = (topicPks[link.Narrower], topicPks[link.Broader]);
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await using (var insert = tx.Command("INSERT INTO co_topic (paper_pk, other_pk, weight, shared, reasons) VALUES ($p, $o, $w, $s, $r) ON CONFLICT DO NOTHING;"))
            {
                var (p, o, w, s, r) = (insert.Parameters.Add("$p", SqliteType.Integer), insert.Parameters.Add("$o", SqliteType.Integer),
                    insert.Parameters.Add("$w", SqliteType.Real), insert.Parameters.Add("$s", SqliteType.Integer), insert.Parameters.Add("$r", SqliteType.Text));
                foreach (var row in graph.CoTopic)
                {
                    if (paperPks.TryGetValue(row.PaperId, out var a) && paperPks.TryGetValue(row.OtherId, out var b) && a != b)
                    {
                        (p.Value, o.Value, w.Value, s.Value, r.Value) = (a, b, row.Weight, row.Shared, CoTopicReasons.ToJson(row));
                        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            await using (var insert = tx.Command("INSERT INTO co_occurs (topic_a, topic_b, count, pmi) VALUES ($a, $b, $c, $pmi) ON CONFLICT DO NOTHING;"))
            {
                var (a, b, c, pmi) = (insert.Parameters.Add("$a", SqliteType.Integer), insert.Parameters.Add("$b", SqliteType.Integer),
                    insert.Parameters.Add("$c", SqliteType.Integer), insert.Parameters.Add("$pmi", SqliteType.Real));
                foreach (var row in graph.CoOccurs)
                {
                    (a.Value, b.Value, c.Value, pmi.Value) = (topicPks[row.First], topicPks[row.Second], row.Count, row.Pmi);
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await indexes.BuildAsync(tx, cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw SqliteFailures.Translate(ex, $"Writing the topic graph to {DatabasePath} failed");
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<int> ReplaceInferredCitationsAsync(IReadOnlyList<Citation> citations, CancellationToken cancellationToken = default)
    {
        CitationRules.RequireInferred(citations);

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenForWriteAsync(cancellationToken, LayerWriteSettings).ConfigureAwait(false);
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            using var version = await SqliteVersionTransaction.BeginAsync(tx, VersionKind.Derive, cancellationToken).ConfigureAwait(false);
            await using (var clear = tx.Command($"DELETE FROM cites WHERE kind = {version.Kinds.Inferred};"))
            {
                await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            PaperKeysById paperPks;
            await using (var count = tx.Command("SELECT count(*) FROM paper;"))
            {
                paperPks = new PaperKeysById((long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!);
            }

            await using (var pks = tx.Command("SELECT id, pk FROM paper;"))
            {
                await using var reader = await pks.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    paperPks.Add(reader.GetString(0), reader.GetInt64(1));
                }
            }

            // One row a statement, VALUES rather than SELECT, no upsert (the inferred rows are gone and each pair comes once):
            // SQLite then needs no statement journal. INSERT ... SELECT ... ON CONFLICT DO UPDATE (an update that the
            // moved-citation trigger watches) copied every page it touched into a temporary file first, row by row: at ten
            // million papers, gigabytes a minute.
            await using var twin = tx.Command($"SELECT 1 FROM cites WHERE src_pk = $src AND dst_pk = $dst AND kind = {version.Kinds.Explicit};");
            await using var insert = tx.Command($"""
                INSERT INTO cites (src_pk, dst_pk, kind, confidence, evidence, {version.StampColumns})
                VALUES ($src, $dst, {version.Kinds.Inferred}, $confidence, $evidence, {version.StampValues});
                """);
            var (twinSrc, twinDst) = (twin.Parameters.Add("$src", SqliteType.Integer), twin.Parameters.Add("$dst", SqliteType.Integer));
            var (src, dst) = (insert.Parameters.Add("$src", SqliteType.Integer), insert.Parameters.Add("$dst", SqliteType.Integer));
            var (confidence, evidence) = (insert.Parameters.Add("$confidence", SqliteType.Real), insert.Parameters.Add("$evidence", SqliteType.Text));
            var written = 0;
            foreach (var (from, to, bestConfidence, firstEvidence) in InKeyOrder(citations, paperPks))
            {
                (twinSrc.Value, twinDst.Value) = (from, to);
                if (await twin.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
                {
                    continue;
                }

                (src.Value, dst.Value, confidence.Value, evidence.Value) = (from, to, bestConfidence, (object?)firstEvidence ?? DBNull.Value);
                written += await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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
    public async Task<Topic?> FindTopicAsync(string nameOrAlias, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nameOrAlias);
        var text = nameOrAlias.Trim();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // The canonical name wins over an alias; among topics sharing an alias (an acronym with two expansions) the commoner.
        command.CommandText = $"""
            SELECT {TopicColumns} FROM topic t WHERE t.id = $raw
            UNION ALL
            SELECT * FROM (SELECT {TopicColumns} FROM topic_alias a JOIN topic t ON t.pk = a.topic_pk WHERE a.alias IN ($alias, $key)
                           ORDER BY (lower(t.name) = $alias) DESC, (a.alias = $alias) DESC, t.df DESC, t.name)
            LIMIT 1;
            """;
        command.Parameters.AddWithValue("$raw", text);
        command.Parameters.AddWithValue("$alias", text.ToLowerInvariant());
        command.Parameters.AddWithValue("$key", KeyAlias(text));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadTopic(reader, 0) : null;
    }

    /// <inheritdoc />
    public async Task<Page<Topic>> GetTopicsAsync(int first, int after, TopicOrder order, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var orderBy = order switch
        {
            TopicOrder.Name => "t.name",
            TopicOrder.Growth => "t.growth IS NULL, t.growth DESC, t.df DESC, t.name",
            _ => "t.df DESC, t.name",
        };
        // orderBy is one of three fixed fragments.
        command.CommandText = $"SELECT {TopicColumns}, (SELECT COUNT(*) FROM topic) FROM topic t ORDER BY {orderBy} LIMIT $first OFFSET $after;";
        command.Parameters.AddWithValue("$first", first);
        command.Parameters.AddWithValue("$after", after);
        var items = new List<Topic>();
        var total = -1;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(ReadTopic(reader, 0));
                total = reader.GetInt32(TopicColumnCount);
            }
        }

        return new Page<Topic>(items, total >= 0 ? total : await CountAsync(connection, "SELECT COUNT(*) FROM topic;", cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<PaperTopic>>> GetTopicsOfPapersAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) =>
        ReadPerPaperAsync(
            paperIds,
            $"""
            SELECT p.id, {TopicColumns}, h.weight FROM paper p JOIN has_topic h ON h.paper_pk = p.pk JOIN topic t ON t.pk = h.topic_pk
            WHERE p.id IN (SELECT value FROM json_each($ids)) ORDER BY p.id, h.weight DESC, t.name;
            """,
            r => new PaperTopic(ReadTopic(r, 1), r.GetDouble(1 + TopicColumnCount)),
            cancellationToken);

    /// <inheritdoc />
    public async Task<Page<Paper>> GetPapersOfTopicAsync(string topicName, int first, int after, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topicName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {PaperColumns} FROM topic t JOIN has_topic h ON h.topic_pk = t.pk JOIN paper p ON p.pk = h.paper_pk
            WHERE t.name = $name ORDER BY h.weight DESC, p.pk LIMIT $first OFFSET $after;
            """;
        command.Parameters.AddWithValue("$name", topicName);
        command.Parameters.AddWithValue("$first", first);
        command.Parameters.AddWithValue("$after", after);
        var items = new List<Paper>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(ReadPaper(reader));
            }
        }

        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM topic t JOIN has_topic h ON h.topic_pk = t.pk WHERE t.name = $name;";
        count.Parameters.AddWithValue("$name", topicName);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        return new Page<Paper>(items, total);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RelatedTopic>> GetRelatedTopicsAsync(string topicName, int first, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topicName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // A pair seen once says little however high its PMI: pairs shared by two or more papers rank first.
        command.CommandText = $"""
            SELECT {TopicColumns}, c.count, c.pmi FROM topic me
            JOIN co_occurs c ON c.topic_a = me.pk OR c.topic_b = me.pk
            JOIN topic t ON t.pk = CASE WHEN c.topic_a = me.pk THEN c.topic_b ELSE c.topic_a END
            WHERE me.name = $name
            ORDER BY (c.count >= 2) DESC, c.pmi * ln(1 + c.count) DESC, t.name LIMIT $first;
            """;
        command.Parameters.AddWithValue("$name", topicName);
        command.Parameters.AddWithValue("$first", first);
        var related = new List<RelatedTopic>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            related.Add(new RelatedTopic(ReadTopic(reader, 0), reader.GetInt32(TopicColumnCount), reader.GetDouble(TopicColumnCount + 1)));
        }

        return related;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CoTopicPaper>> GetCoTopicPapersAsync(string paperId, int first, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paperId);
        return (await GetCoTopicPapersOfPapersAsync([paperId], first, cancellationToken).ConfigureAwait(false)).GetValueOrDefault(paperId) ?? [];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<CoTopicPaper>>> GetCoTopicPapersOfPapersAsync(IReadOnlyCollection<string> paperIds, int first, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paperIds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        var result = new Dictionary<string, IReadOnlyList<CoTopicPaper>>(StringComparer.Ordinal);
        if (paperIds.Count == 0)
        {
            return result;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // The top $first of each paper, ranked within the paper: one statement for a whole page of papers.
        command.CommandText = $"""
            SELECT {PaperColumns}, r.weight, r.shared, r.reasons, r.me_id FROM (
                SELECT me.id AS me_id, c.other_pk, c.weight, c.shared, c.reasons,
                       ROW_NUMBER() OVER (PARTITION BY me.pk ORDER BY c.weight DESC, o.id) AS rank
                FROM paper me JOIN co_topic c ON c.paper_pk = me.pk JOIN paper o ON o.pk = c.other_pk
                WHERE me.id IN (SELECT value FROM json_each($ids))
            ) r JOIN paper p ON p.pk = r.other_pk
            WHERE r.rank <= $first ORDER BY r.me_id, r.rank;
            """;
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(paperIds));
        command.Parameters.AddWithValue("$first", first);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var weight = reader.GetDouble(PaperColumnCount);
            var reasons = CoTopicReasons.FromJson(reader.GetString(PaperColumnCount + 2), weight);
            var owner = reader.GetString(PaperColumnCount + 3);
            if (!result.TryGetValue(owner, out var list))
            {
                result[owner] = list = new List<CoTopicPaper>();
            }

            ((List<CoTopicPaper>)list).Add(new CoTopicPaper(ReadPaper(reader), weight, reasons));
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Topic>>> GetTopicHierarchyAsync(IReadOnlyCollection<string> topicNames, TopicRelation relation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topicNames);
        var result = new Dictionary<string, IReadOnlyList<Topic>>(StringComparer.Ordinal);
        if (topicNames.Count == 0)
        {
            return result;
        }

        var (mine, theirs) = relation == TopicRelation.Narrower ? ("broader_pk", "narrower_pk") : ("narrower_pk", "broader_pk");
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // mine/theirs are fixed column names; the names travel as a parameter.
        command.CommandText = $"""
            SELECT me.name, {TopicColumns} FROM topic me JOIN topic_broader b ON b.{mine} = me.pk JOIN topic t ON t.pk = b.{theirs}
            WHERE me.name IN (SELECT value FROM json_each($names)) ORDER BY me.name, t.df DESC, t.name;
            """;
        command.Parameters.AddWithValue("$names", JsonSerializer.Serialize(topicNames));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var owner = reader.GetString(0);
            if (!result.TryGetValue(owner, out var list))
            {
                result[owner] = list = new List<Topic>();
            }

            ((List<Topic>)list).Add(ReadTopic(reader, 1));
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<PaperPair, IReadOnlyList<CoTopicReason>>> GetCoTopicEvidenceAsync(IReadOnlyCollection<PaperPair> pairs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var result = new Dictionary<PaperPair, IReadOnlyList<CoTopicReason>>();
        if (pairs.Count == 0)
        {
            return result;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // Either paper's top-k may hold the pair; the row stored from the asked direction wins, else the other one.
        command.CommandText = """
            SELECT q.value ->> 0, q.value ->> 1, c.weight, c.reasons, c.paper_pk = a.pk
            FROM json_each($pairs) q
            JOIN paper a ON a.id = q.value ->> 0 JOIN paper b ON b.id = q.value ->> 1
            JOIN co_topic c ON (c.paper_pk = a.pk AND c.other_pk = b.pk) OR (c.paper_pk = b.pk AND c.other_pk = a.pk)
            ORDER BY q.key, c.paper_pk = a.pk DESC;
            """;
        command.Parameters.AddWithValue("$pairs", JsonSerializer.Serialize(pairs.Select(p => new[] { p.PaperId, p.OtherId })));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var pair = new PaperPair(reader.GetString(0), reader.GetString(1));
            result.TryAdd(pair, CoTopicReasons.FromJson(reader.GetString(3), reader.GetDouble(2)));
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<Page<CitationLink>> GetCitationsAsync(CitationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.First);
        ArgumentOutOfRangeException.ThrowIfNegative(query.After);
        var (mine, theirs) = query.Direction == CitationDirection.Cites ? ("src_pk", "dst_pk") : ("dst_pk", "src_pk");
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        await using var count = connection.CreateCommand();
        // mine/theirs are fixed column names; values travel as parameters.
        var where = $"""
            FROM paper me JOIN cites c ON c.{mine} = me.pk JOIN paper p ON p.pk = c.{theirs}
            WHERE me.id = $id AND ($kind IS NULL OR c.kind = $kind) AND c.confidence >= $min
            """;
        command.CommandText = $"SELECT {PaperColumns}, c.kind, c.confidence, {CitationEvidence} {where} ORDER BY c.confidence DESC, c.kind, p.pk LIMIT $first OFFSET $after;";
        count.CommandText = $"SELECT COUNT(*) {where};";
        foreach (var c in new[] { command, count })
        {
            c.Parameters.AddWithValue("$id", query.PaperId);
            c.Parameters.AddWithValue("$kind", query.Kind is { } kind ? CitationKinds.Of(kind) : DBNull.Value);
            c.Parameters.AddWithValue("$min", query.MinConfidence);
        }

        command.Parameters.AddWithValue("$first", query.First);
        command.Parameters.AddWithValue("$after", query.After);
        var items = new List<CitationLink>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(new CitationLink(
                    ReadPaper(reader),
                    CitationKinds.Read(reader.GetInt64(PaperColumnCount)),
                    reader.GetDouble(PaperColumnCount + 1),
                    reader.IsDBNull(PaperColumnCount + 2) ? null : reader.GetString(PaperColumnCount + 2)));
            }
        }

        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        return new Page<CitationLink>(items, total);
    }

    /// <summary>
    /// The citations whose papers both exist, with their row keys, in the order of the table's key (src, dst): each insert
    /// and its check for an explicit twin then land on the page the last one left, where the inferrer's order (by paper id,
    /// which need not be the order of the row keys) could scatter them over a table of a hundred million rows at ten million
    /// papers. A pair given twice is written once, with its highest confidence and its first evidence.
    /// </summary>
    private static IEnumerable<(long From, long To, double Confidence, string? Evidence)> InKeyOrder(IReadOnlyList<Citation> citations, PaperKeysById paperPks)
    {
        var keys = new List<(long From, long To, int Index)>(citations.Count);
        for (var i = 0; i < citations.Count; i++)
        {
            if (paperPks.TryGetValue(citations[i].From, out var from) && paperPks.TryGetValue(citations[i].To, out var to) && from != to)
            {
                keys.Add((from, to, i));
            }
        }

        keys.Sort();
        for (var k = 0; k < keys.Count;)
        {
            var (from, to, first) = keys[k];
            var (confidence, evidence) = (citations[first].Confidence, citations[first].Evidence);
            for (k++; k < keys.Count && keys[k].From == from && keys[k].To == to; k++)
            {
                confidence = Math.Max(confidence, citations[keys[k].Index].Confidence);
                evidence ??= citations[keys[k].Index].Evidence;
            }

            yield return (from, to, confidence, evidence);
        }
    }

    // Keys are stored beside the names with a prefix no written name has.
    private static string KeyAlias(string name) => "\u0001" + TopicKey.Of(name);

    private static Topic ReadTopic(SqliteDataReader r, int offset) =>
        new(r.GetString(offset), JsonSerializer.Deserialize<string[]>(r.GetString(offset + 1)) ?? [], r.GetInt32(offset + 2))
        {
            Idf = r.GetDouble(offset + 3),
            ByYear = TopicYears.FromJson(r.GetString(offset + 4)),
            Growth = r.IsDBNull(offset + 5) ? null : r.GetDouble(offset + 5),
        };

    private static async Task<int> CountAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }
}
