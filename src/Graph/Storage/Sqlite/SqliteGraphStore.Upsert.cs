using CiteGraph.Graph.Model;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    /// <inheritdoc />
    public async Task UpsertAsync(IReadOnlyList<ResolvedRecord> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return;
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenForWriteAsync(cancellationToken).ConfigureAwait(false);
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            using var commands = new UpsertCommands(connection, tx);
            foreach (var (paperId, record) in batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await UpsertOneAsync(commands, paperId, record, cancellationToken).ConfigureAwait(false);
            }

            // Nothing of the batch is visible, or kept, until here: a failure or a kill leaves the previous state.
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw new GraphStoreException($"Writing a batch of {batch.Count} records to {DatabasePath} failed: {ex.Message}", ex)
            {
                IsTransient = ex.SqliteErrorCode is 5 or 6,
            };
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static async Task UpsertOneAsync(UpsertCommands c, string paperId, PaperRecord record, CancellationToken ct)
    {
        c.InsertPaper.Parameters["$id"].Value = paperId;
        c.InsertPaper.Parameters["$title"].Value = record.Title;
        c.InsertPaper.Parameters["$titleKey"].Value = Identifiers.TitleKey(record.Title);
        await c.InsertPaper.ExecuteNonQueryAsync(ct).ConfigureAwait(false);

        c.PaperPk.Parameters["$id"].Value = paperId;
        var pk = (long)(await c.PaperPk.ExecuteScalarAsync(ct).ConfigureAwait(false))!;

        var s = c.UpsertSource.Parameters;
        s["$pk"].Value = pk;
        s["$source"].Value = record.Source.Source;
        s["$line"].Value = record.Source.Line;
        s["$format"].Value = record.Source.Format;
        s["$title"].Value = record.Title;
        s["$abstract"].Value = Db(record.Abstract);
        s["$published"].Value = Db(record.Published?.ToString());
        s["$authors"].Value = Db(record.AuthorsCount);
        s["$org"].Value = Db(record.Organization);
        s["$upvotes"].Value = Db(record.Upvotes);
        s["$arxiv"].Value = Db(record.ArxivId);
        s["$doi"].Value = Db(record.Doi);
        await c.UpsertSource.ExecuteNonQueryAsync(ct).ConfigureAwait(false);

        // The stored paper is recomputed from all of its sources, so the order they arrived in does not matter.
        var sources = new List<PaperRecord>();
        c.ReadSources.Parameters["$pk"].Value = pk;
        await using (var reader = await c.ReadSources.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                sources.Add(ReadSourceRecord(reader));
            }
        }

        var merged = PaperMerge.Merge(paperId, sources);
        var u = c.UpdatePaper.Parameters;
        u["$pk"].Value = pk;
        u["$title"].Value = merged.Title;
        u["$titleKey"].Value = Identifiers.TitleKey(merged.Title);
        u["$abstract"].Value = Db(merged.Abstract);
        u["$year"].Value = Db(merged.Year);
        u["$published"].Value = Db(merged.Published);
        u["$authors"].Value = Db(merged.AuthorsCount);
        u["$org"].Value = Db(merged.Organization);
        u["$upvotes"].Value = Db(merged.Upvotes);
        u["$arxiv"].Value = Db(merged.ArxivId);
        u["$doi"].Value = Db(merged.Doi);
        await c.UpdatePaper.ExecuteNonQueryAsync(ct).ConfigureAwait(false);

        var ids = record.ExternalIds.AsEnumerable();
        if (record.ArxivId is not null)
        {
            ids = ids.Append(new ExternalId(ExternalIdKind.Arxiv, record.ArxivId));
        }

        if (record.Doi is not null)
        {
            ids = ids.Append(new ExternalId(ExternalIdKind.Doi, record.Doi));
        }

        foreach (var externalId in ids)
        {
            // A stub created earlier for this id (a reference that arrived first) merges into this paper.
            c.FindStub.Parameters["$kind"].Value = externalId.Kind.ToString();
            c.FindStub.Parameters["$value"].Value = externalId.Value;
            c.FindStub.Parameters["$pk"].Value = pk;
            if (await c.FindStub.ExecuteScalarAsync(ct).ConfigureAwait(false) is long stubPk)
            {
                await ExecAsync(c.AbsorbStub, ct, ("$pk", pk), ("$stub", stubPk)).ConfigureAwait(false);
            }

            await ExecAsync(c.InsertExternalId, ct, ("$kind", externalId.Kind.ToString()), ("$value", externalId.Value), ("$pk", pk)).ConfigureAwait(false);
        }

        for (var i = 0; i < record.Authors.Count; i++)
        {
            await ExecAsync(c.InsertAuthor, ct, ("$name", record.Authors[i])).ConfigureAwait(false);
            await ExecAsync(c.InsertAuthored, ct, ("$name", record.Authors[i]), ("$pk", pk), ("$position", i + 1)).ConfigureAwait(false);
        }

        foreach (var reference in record.References)
        {
            var dst = await ReferencedPaperAsync(c, reference, ct).ConfigureAwait(false);
            await ExecAsync(c.InsertCites, ct, ("$src", pk), ("$dst", dst), ("$evidence", record.Source.ToString())).ConfigureAwait(false);
        }

        foreach (var link in record.Repos)
        {
            var repo = link.Repo;
            await ExecAsync(c.InsertRepo, ct, ("$url", repo.Url), ("$host", repo.Host), ("$owner", repo.Owner), ("$name", repo.Name)).ConfigureAwait(false);
            await ExecAsync(c.InsertPaperRepo, ct, ("$pk", pk), ("$url", repo.Url), ("$evidence", link.Evidence)).ConfigureAwait(false);
        }

        foreach (var link in record.Links)
        {
            await ExecAsync(c.InsertLink, ct, ("$pk", pk), ("$url", link.Url), ("$kind", link.Kind.ToString())).ConfigureAwait(false);
        }

        foreach (var mention in record.Mentions)
        {
            await ExecAsync(c.InsertMention, ct, ("$pk", pk), ("$kind", mention.Kind.ToString()), ("$value", mention.Value)).ConfigureAwait(false);
        }

        foreach (var keyword in record.Keywords)
        {
            await ExecAsync(c.InsertKeyword, ct, ("$pk", pk), ("$keyword", keyword)).ConfigureAwait(false);
        }
    }

    /// <summary>The paper an external id names, created as a stub (excluded from counts and search) when none has it yet.</summary>
    private static async Task<long> ReferencedPaperAsync(UpsertCommands c, ExternalId reference, CancellationToken ct)
    {
        var kind = reference.Kind.ToString();
        c.FindExternal.Parameters["$kind"].Value = kind;
        c.FindExternal.Parameters["$value"].Value = reference.Value;
        if (await c.FindExternal.ExecuteScalarAsync(ct).ConfigureAwait(false) is long existing)
        {
            return existing;
        }

        var id = PaperId.ForExternal(reference);
        await ExecAsync(
            c.InsertStub, ct, ("$id", id), ("$title", $"{kind} {reference.Value}"),
            ("$arxiv", reference.Kind == ExternalIdKind.Arxiv ? reference.Value : DBNull.Value),
            ("$doi", reference.Kind == ExternalIdKind.Doi ? reference.Value : DBNull.Value)).ConfigureAwait(false);
        c.PaperPk.Parameters["$id"].Value = id;
        var pk = (long)(await c.PaperPk.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        await ExecAsync(c.InsertExternalId, ct, ("$kind", kind), ("$value", reference.Value), ("$pk", pk)).ConfigureAwait(false);
        return pk;
    }

    private static PaperRecord ReadSourceRecord(SqliteDataReader r) => new()
    {
        Source = new SourceRef(r.GetString(0), r.GetInt32(1), r.GetString(2)),
        Title = r.GetString(3),
        Abstract = r.IsDBNull(4) ? null : r.GetString(4),
        Published = !r.IsDBNull(5) && PartialDate.TryParse(r.GetString(5), out var date) ? date : null,
        AuthorsCount = r.IsDBNull(6) ? null : r.GetInt32(6),
        Organization = r.IsDBNull(7) ? null : r.GetString(7),
        Upvotes = r.IsDBNull(8) ? null : r.GetInt32(8),
        ArxivId = r.IsDBNull(9) ? null : r.GetString(9),
        Doi = r.IsDBNull(10) ? null : r.GetString(10),
    };

    private static object Db<T>(T? value) => value is null ? DBNull.Value : value;

    private static object Db<T>(T? value)
        where T : struct => value is null ? DBNull.Value : value.Value;

    private static async Task ExecAsync(SqliteCommand command, CancellationToken ct, params (string Name, object Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            command.Parameters[name].Value = value;
        }

        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The statements of an upsert, prepared once per batch and re-bound per record.</summary>
    private sealed class UpsertCommands : IDisposable
    {
        public UpsertCommands(SqliteConnection connection, SqliteTransaction tx)
        {
            SqliteCommand Make(string sql, params string[] parameters)
            {
                var command = connection.CreateCommand();
                command.Transaction = tx;
                command.CommandText = sql;
                foreach (var p in parameters)
                {
                    command.Parameters.Add(new SqliteParameter(p, DBNull.Value));
                }

                _all.Add(command);
                return command;
            }

            InsertPaper = Make(
                "INSERT INTO paper (id, title, title_key) VALUES ($id, $title, $titleKey) ON CONFLICT (id) DO NOTHING;",
                "$id", "$title", "$titleKey");
            PaperPk = Make("SELECT pk FROM paper WHERE id = $id;", "$id");
            UpsertSource = Make(
                """
                INSERT INTO paper_source (paper_pk, source, line, format, title, abstract, published, authors_count, organization, upvotes, arxiv_id, doi)
                VALUES ($pk, $source, $line, $format, $title, $abstract, $published, $authors, $org, $upvotes, $arxiv, $doi)
                ON CONFLICT (paper_pk, source, line) DO UPDATE SET
                    format = excluded.format, title = excluded.title, abstract = excluded.abstract, published = excluded.published,
                    authors_count = excluded.authors_count, organization = excluded.organization, upvotes = excluded.upvotes,
                    arxiv_id = excluded.arxiv_id, doi = excluded.doi;
                """,
                "$pk", "$source", "$line", "$format", "$title", "$abstract", "$published", "$authors", "$org", "$upvotes", "$arxiv", "$doi");
            ReadSources = Make(
                """
                SELECT source, line, format, title, abstract, published, authors_count, organization, upvotes, arxiv_id, doi
                FROM paper_source WHERE paper_pk = $pk;
                """,
                "$pk");
            UpdatePaper = Make(
                """
                UPDATE paper SET title = $title, title_key = $titleKey, abstract = $abstract, year = $year, published = $published,
                    authors_count = $authors, organization = $org, upvotes = $upvotes, arxiv_id = $arxiv, doi = $doi, is_stub = 0
                WHERE pk = $pk;
                """,
                "$pk", "$title", "$titleKey", "$abstract", "$year", "$published", "$authors", "$org", "$upvotes", "$arxiv", "$doi");
            InsertExternalId = Make(
                "INSERT INTO external_id (kind, value, paper_pk) VALUES ($kind, $value, $pk) ON CONFLICT (kind, value) DO NOTHING;",
                "$kind", "$value", "$pk");
            InsertRepo = Make(
                "INSERT INTO repo (url, host, owner, name) VALUES ($url, $host, $owner, $name) ON CONFLICT (url) DO NOTHING;",
                "$url", "$host", "$owner", "$name");
            InsertPaperRepo = Make(
                """
                INSERT INTO paper_repo (paper_pk, repo_pk, evidence) SELECT $pk, pk, $evidence FROM repo WHERE url = $url
                ON CONFLICT DO NOTHING;
                """,
                "$pk", "$url", "$evidence");
            InsertLink = Make(
                "INSERT INTO paper_link (paper_pk, url, kind) VALUES ($pk, $url, $kind) ON CONFLICT DO NOTHING;",
                "$pk", "$url", "$kind");
            InsertMention = Make(
                "INSERT INTO paper_mention (paper_pk, kind, value) VALUES ($pk, $kind, $value) ON CONFLICT DO NOTHING;",
                "$pk", "$kind", "$value");
            InsertKeyword = Make(
                "INSERT INTO paper_keyword (paper_pk, keyword) VALUES ($pk, $keyword) ON CONFLICT DO NOTHING;",
                "$pk", "$keyword");
            FindStub = Make(
                """
                SELECT e.paper_pk FROM external_id e JOIN paper p ON p.pk = e.paper_pk
                WHERE e.kind = $kind AND e.value = $value AND p.is_stub = 1 AND e.paper_pk <> $pk;
                """,
                "$kind", "$value", "$pk");
            // Citations and ids of the stub move to the real paper; what would duplicate is dropped with the stub.
            AbsorbStub = Make(
                """
                UPDATE OR IGNORE cites SET dst_pk = $pk WHERE dst_pk = $stub;
                UPDATE OR IGNORE cites SET src_pk = $pk WHERE src_pk = $stub;
                UPDATE OR IGNORE external_id SET paper_pk = $pk WHERE paper_pk = $stub;
                DELETE FROM paper WHERE pk = $stub AND is_stub = 1;
                """,
                "$pk", "$stub");
            FindExternal = Make("SELECT paper_pk FROM external_id WHERE kind = $kind AND value = $value;", "$kind", "$value");
            InsertStub = Make(
                """
                INSERT INTO paper (id, title, title_key, arxiv_id, doi, is_stub) VALUES ($id, $title, '', $arxiv, $doi, 1)
                ON CONFLICT (id) DO NOTHING;
                """,
                "$id", "$title", "$arxiv", "$doi");
            InsertCites = Make(
                """
                INSERT INTO cites (src_pk, dst_pk, kind, confidence, evidence) VALUES ($src, $dst, 'explicit', 1.0, $evidence)
                ON CONFLICT DO NOTHING;
                """,
                "$src", "$dst", "$evidence");
            InsertAuthor = Make("INSERT INTO author (name) VALUES ($name) ON CONFLICT (name) DO NOTHING;", "$name");
            InsertAuthored = Make(
                """
                INSERT INTO authored (author_pk, paper_pk, position) SELECT pk, $pk, $position FROM author WHERE name = $name
                ON CONFLICT DO NOTHING;
                """,
                "$name", "$pk", "$position");
        }

        private readonly List<SqliteCommand> _all = [];

        public SqliteCommand InsertPaper { get; }
        public SqliteCommand PaperPk { get; }
        public SqliteCommand UpsertSource { get; }
        public SqliteCommand ReadSources { get; }
        public SqliteCommand UpdatePaper { get; }
        public SqliteCommand InsertExternalId { get; }
        public SqliteCommand InsertRepo { get; }
        public SqliteCommand InsertPaperRepo { get; }
        public SqliteCommand InsertLink { get; }
        public SqliteCommand InsertMention { get; }
        public SqliteCommand InsertKeyword { get; }
        public SqliteCommand FindStub { get; }
        public SqliteCommand AbsorbStub { get; }
        public SqliteCommand FindExternal { get; }
        public SqliteCommand InsertStub { get; }
        public SqliteCommand InsertCites { get; }
        public SqliteCommand InsertAuthor { get; }
        public SqliteCommand InsertAuthored { get; }

        public void Dispose()
        {
            foreach (var command in _all)
            {
                command.Dispose();
            }
        }
    }
}
