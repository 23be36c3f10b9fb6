using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage.Versions;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

public sealed partial class SqliteGraphStore
{
    /// <inheritdoc />
    public Task UpsertAsync(IReadOnlyList<ResolvedRecord> batch, CancellationToken cancellationToken = default) =>
        UpsertCountingAsync(batch, cancellationToken);

    /// <inheritdoc />
    public async Task<int> UpsertCountingAsync(IReadOnlyList<ResolvedRecord> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return 0;
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await WriterAsync(cancellationToken).ConfigureAwait(false);
            await _writeCache.RevalidateAsync(connection, cancellationToken).ConfigureAwait(false);
            if (_checkpointer is { } checkpointer)
            {
                await checkpointer.DrainAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            using var version = await SqliteVersionTransaction.BeginAsync(tx, VersionKind.Ingest, cancellationToken).ConfigureAwait(false);
            // New papers go in without the paper insert triggers (no statement journal per row); their events are written here.
            var writesPaperEvents = await version.SuspendPaperInsertTriggersAsync(cancellationToken).ConfigureAwait(false);
            using var commands = new UpsertCommands(connection, tx, version, writesPaperEvents);
            try
            {
                var fresh = new FreshRows(await NextPaperPkAsync(commands, cancellationToken).ConfigureAwait(false), _searchIndexer is not null);
                var (merges, storedMeanwhile) = await PlanFreshAsync(commands, _writeCache, fresh, batch, cancellationToken).ConfigureAwait(false);
                if (writesPaperEvents)
                {
                    // Stub absorption and merges below are logged by the triggers.
                    await version.ResumeTriggersAsync(cancellationToken).ConfigureAwait(false);
                }

                await FinishFreshAsync(commands, fresh, cancellationToken).ConfigureAwait(false);
                foreach (var (paperId, record) in merges)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await UpsertOneAsync(commands, _writeCache, paperId, record, cancellationToken).ConfigureAwait(false);
                }

                // Nothing of the batch is visible, or kept, until here: a failure or a kill leaves the previous state.
                await version.FinishAsync(cancellationToken).ConfigureAwait(false);
                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                version.Committed();
                _checkpointer?.Nudge();
                if (_searchIndexer is { } searchIndexer && fresh.SearchRows is { } searchRows)
                {
                    searchIndexer.Add(searchRows);
                }
                return storedMeanwhile;
            }
            catch
            {
                // Keys cached during the batch may name rows the rollback removes.
                _writeCache.Clear();
                throw;
            }
        }
        catch (SqliteException ex)
        {
            throw SqliteFailures.Translate(ex, $"Writing a batch of {batch.Count} records to {DatabasePath} failed");
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static async Task UpsertOneAsync(UpsertCommands c, WriteCache cache, string paperId, PaperRecord record, CancellationToken ct)
    {
        // Records come here for papers already stored (or created earlier in the batch), so the lookup nearly always finds
        // one; a paper still missing is written whole in one statement, its merged view being the record itself.
        c.PaperPk.Parameters["$id"].Value = paperId;
        var stored = await c.PaperPk.ExecuteScalarAsync(ct).ConfigureAwait(false) as long?;
        var isNew = stored is null;
        var pk = stored ?? await InsertNewPaperAsync(c, paperId, record, ct).ConfigureAwait(false);

        if (!isNew)
        {
            // A source that kept its text in the paper row gets it back before the paper is merged again.
            await ExecAsync(c.MaterializeSourceText, ct, ("$pk", pk)).ConfigureAwait(false);
        }

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

        if (!isNew)
        {
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
            BindPaper(c.UpdatePaper.Parameters, merged);
            c.UpdatePaper.Parameters["$pk"].Value = pk;
            await c.UpdatePaper.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        // The same rows whichever path wrote them: a lone source whose text is the paper's does not repeat it.
        await ExecAsync(c.ShareSourceText, ct, ("$pk", pk)).ConfigureAwait(false);

        foreach (var externalId in IdsOf(record))
        {
            // A stub created earlier for this id (a reference that arrived first) merges into this paper. A new paper can
            // only meet one when the id is already taken, so it skips the lookup otherwise.
            var insert = c.InsertExternalId.Parameters;
            insert["$kind"].Value = externalId.Kind.ToString();
            insert["$value"].Value = externalId.Value;
            insert["$pk"].Value = pk;
            if (isNew && await c.InsertExternalId.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1)
            {
                cache.Ids[externalId] = pk;
                continue;
            }

            c.FindStub.Parameters["$kind"].Value = externalId.Kind.ToString();
            c.FindStub.Parameters["$value"].Value = externalId.Value;
            c.FindStub.Parameters["$pk"].Value = pk;
            if (await c.FindStub.ExecuteScalarAsync(ct).ConfigureAwait(false) is long stubPk)
            {
                await ExecAsync(c.AbsorbStub, ct, ("$pk", pk), ("$stub", stubPk)).ConfigureAwait(false);
            }

            await c.InsertExternalId.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            cache.Ids.Remove(externalId);
        }

        for (var i = 0; i < record.Authors.Count; i++)
        {
            var authorPk = await AuthorAsync(c, cache, record.Authors[i], ct).ConfigureAwait(false);
            await ExecAsync(c.InsertAuthored, ct, ("$author", authorPk), ("$pk", pk), ("$position", i + 1)).ConfigureAwait(false);
        }

        if (record.References.Count > 0)
        {
            var source = await SourceFileAsync(c, cache, record.Source.Source, ct).ConfigureAwait(false);
            foreach (var reference in record.References)
            {
                var dst = await ReferencedPaperAsync(c, cache, reference, ct).ConfigureAwait(false);
                await ExecAsync(c.InsertCites, ct, ("$src", pk), ("$dst", dst), ("$source", source), ("$line", record.Source.Line)).ConfigureAwait(false);
            }
        }

        await WriteExtrasAsync(c, pk, record, ct).ConfigureAwait(false);
    }

    private static async Task<long> InsertNewPaperAsync(UpsertCommands c, string paperId, PaperRecord record, CancellationToken ct)
    {
        BindPaper(c.InsertNewPaper.Parameters, PaperMerge.Merge(paperId, [record]));
        c.InsertNewPaper.Parameters["$id"].Value = paperId;
        return (long)(await c.InsertNewPaper.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    /// <summary>Repositories, links, identifier mentions and keywords of a record; few per paper, written row by row.</summary>
    private static async Task WriteExtrasAsync(UpsertCommands c, long pk, PaperRecord record, CancellationToken ct)
    {
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

    private static async Task<long> NextPaperPkAsync(UpsertCommands c, CancellationToken ct) =>
        (long)(await c.MaxPaperPk.ExecuteScalarAsync(ct).ConfigureAwait(false))! + 1;

    private static IEnumerable<ExternalId> IdsOf(PaperRecord record)
    {
        foreach (var id in record.ExternalIds)
        {
            yield return id;
        }

        if (record.ArxivId is not null)
        {
            yield return new ExternalId(ExternalIdKind.Arxiv, record.ArxivId);
        }

        if (record.Doi is not null)
        {
            yield return new ExternalId(ExternalIdKind.Doi, record.Doi);
        }
    }

    private static void BindPaper(SqliteParameterCollection p, Paper paper)
    {
        p["$title"].Value = paper.Title;
        p["$titleKey"].Value = Identifiers.TitleKey(paper.Title);
        p["$abstract"].Value = Db(paper.Abstract);
        p["$year"].Value = Db(paper.Year);
        p["$published"].Value = Db(paper.Published);
        p["$authors"].Value = Db(paper.AuthorsCount);
        p["$org"].Value = Db(paper.Organization);
        p["$upvotes"].Value = Db(paper.Upvotes);
        p["$arxiv"].Value = Db(paper.ArxivId);
        p["$doi"].Value = Db(paper.Doi);
    }

    private static Task<long> AuthorAsync(UpsertCommands c, WriteCache cache, string name, CancellationToken ct) =>
        NamedRowAsync(cache.Authors, c.InsertAuthor, c.AuthorPk, name, ct);

    /// <summary>The key of an input file's name in <c>source_file</c>, added the first time a citation names it.</summary>
    private static Task<long> SourceFileAsync(UpsertCommands c, WriteCache cache, string name, CancellationToken ct) =>
        NamedRowAsync(cache.Sources, c.InsertSourceFile, c.SourceFilePk, name, ct);

    /// <summary>The key of the row named <paramref name="name"/> (an author, an input file): cached, found, or inserted.</summary>
    private static async Task<long> NamedRowAsync(
        Dictionary<string, long> cache, SqliteCommand insert, SqliteCommand select, string name, CancellationToken ct)
    {
        if (cache.TryGetValue(name, out var known))
        {
            return known;
        }

        insert.Parameters["$name"].Value = name;
        await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        select.Parameters["$name"].Value = name;
        var pk = (long)(await select.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        cache[name] = pk;
        return pk;
    }

    /// <summary>The paper holding an external id, from the cache or the store (and then cached); null when none does.</summary>
    private static async Task<long?> KnownPaperAsync(UpsertCommands c, WriteCache cache, ExternalId id, CancellationToken ct)
    {
        if (cache.Ids.TryGetValue(id, out var cached))
        {
            return cached;
        }

        c.FindExternal.Parameters["$kind"].Value = id.Kind.ToString();
        c.FindExternal.Parameters["$value"].Value = id.Value;
        if (await c.FindExternal.ExecuteScalarAsync(ct).ConfigureAwait(false) is not long existing)
        {
            return null;
        }

        cache.Ids[id] = existing;
        return existing;
    }

    /// <summary>The paper an external id names, created as a stub (excluded from counts and search) when none has it yet.</summary>
    private static async Task<long> ReferencedPaperAsync(UpsertCommands c, WriteCache cache, ExternalId reference, CancellationToken ct)
    {
        if (await KnownPaperAsync(c, cache, reference, ct).ConfigureAwait(false) is long known)
        {
            return known;
        }

        var kind = reference.Kind.ToString();

        var id = PaperId.ForExternal(reference);
        await ExecAsync(
            c.InsertStub, ct, ("$id", id), ("$title", $"{kind} {reference.Value}"),
            ("$arxiv", reference.Kind == ExternalIdKind.Arxiv ? reference.Value : DBNull.Value),
            ("$doi", reference.Kind == ExternalIdKind.Doi ? reference.Value : DBNull.Value)).ConfigureAwait(false);
        c.PaperPk.Parameters["$id"].Value = id;
        var pk = (long)(await c.PaperPk.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        await ExecAsync(c.InsertExternalId, ct, ("$kind", kind), ("$value", reference.Value), ("$pk", pk)).ConfigureAwait(false);
        cache.Ids[reference] = pk;
        return pk;
    }

    /// <summary>
    /// A <c>paper_source</c> row as the record it was written from (lists left empty), its columns starting at
    /// <paramref name="first"/>: source, line, format, title, abstract, published, authors_count, organization, upvotes, arxiv_id, doi.
    /// </summary>
    internal static PaperRecord ReadSourceRecord(SqliteDataReader r, int first = 0) => new()
    {
        Source = new SourceRef(r.GetString(first), r.GetInt32(first + 1), r.GetString(first + 2)),
        Title = r.GetString(first + 3),
        Abstract = r.IsDBNull(first + 4) ? null : r.GetString(first + 4),
        Published = !r.IsDBNull(first + 5) && PartialDate.TryParse(r.GetString(first + 5), out var date) ? date : null,
        AuthorsCount = r.IsDBNull(first + 6) ? null : r.GetInt32(first + 6),
        Organization = r.IsDBNull(first + 7) ? null : r.GetString(first + 7),
        Upvotes = r.IsDBNull(first + 8) ? null : r.GetInt32(first + 8),
        ArxivId = r.IsDBNull(first + 9) ? null : r.GetString(first + 9),
        Doi = r.IsDBNull(first + 10) ? null : r.GetString(first + 10),
    };

    /// <summary>A source row's title as written: the paper's when the row keeps its text there (<c>text_in_paper</c>; aliases s and p).</summary>
    internal const string SourceTitle = "CASE WHEN s.text_in_paper = 1 THEN p.title ELSE s.title END";

    /// <summary>A source row's abstract as written (see <see cref="SourceTitle"/>).</summary>
    internal const string SourceAbstract = "CASE WHEN s.text_in_paper = 1 THEN p.abstract ELSE s.abstract END";

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
        public UpsertCommands(SqliteConnection connection, SqliteTransaction tx, SqliteVersionTransaction version, bool writesPaperEvents)
        {
            _connection = connection;
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

            InsertNewPaper = Make(
                """
                INSERT INTO paper (id, title, title_key, abstract, year, published, authors_count, organization, upvotes, arxiv_id, doi)
                VALUES ($id, $title, $titleKey, $abstract, $year, $published, $authors, $org, $upvotes, $arxiv, $doi)
                ON CONFLICT (id) DO NOTHING RETURNING pk;
                """,
                "$id", "$title", "$titleKey", "$abstract", "$year", "$published", "$authors", "$org", "$upvotes", "$arxiv", "$doi");
            PaperPk = Make("SELECT pk FROM paper WHERE id = $id;", "$id");
            MaxPaperPk = Make("SELECT coalesce(max(pk), 0) FROM paper;");
            StoredIds = Make("SELECT p.id, p.is_stub FROM json_each($ids) j JOIN paper p ON p.id = j.value;", "$ids");
            FreshPaper = Raw(
                """
                INSERT INTO paper (pk, id, title, title_key, abstract, year, published, authors_count, organization, upvotes, arxiv_id, doi, is_stub)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
                """);
            FreshPaperAdded = writesPaperEvents ? Raw(SqliteVersionTriggers.PaperAddedEvent(version.Number)) : null;
            FreshSource = Raw(
                """
                INSERT INTO paper_source (paper_pk, source, line, format, title, abstract, published, authors_count, organization, upvotes, arxiv_id, doi, text_in_paper)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (paper_pk, source, line) DO NOTHING;
                """);
            FreshExternalId = Raw("INSERT INTO external_id (kind, value, paper_pk) VALUES (?, ?, ?) ON CONFLICT DO NOTHING;");
            FreshAuthored = Raw("INSERT INTO authored (author_pk, paper_pk, position) VALUES (?, ?, ?) ON CONFLICT DO NOTHING;");
            // The row carries the version and the batch writing it (numbers, not text from outside): it is the citation's
            // CITATION_ADDED event, at its batch's place in the feed.
            _citationRow = $"(?, ?, {version.Kinds.Explicit}, 1.0, ?, ?, {version.StampValues})";
            _citationInsert = $"INSERT INTO cites (src_pk, dst_pk, kind, confidence, source_pk, source_line, {version.StampColumns}) VALUES ";
            UpsertSource = Make(
                """
                INSERT INTO paper_source (paper_pk, source, line, format, title, abstract, published, authors_count, organization, upvotes, arxiv_id, doi)
                VALUES ($pk, $source, $line, $format, $title, $abstract, $published, $authors, $org, $upvotes, $arxiv, $doi)
                ON CONFLICT (paper_pk, source, line) DO UPDATE SET
                    format = excluded.format, title = excluded.title, abstract = excluded.abstract, published = excluded.published,
                    authors_count = excluded.authors_count, organization = excluded.organization, upvotes = excluded.upvotes,
                    arxiv_id = excluded.arxiv_id, doi = excluded.doi, text_in_paper = 0;
                """,
                "$pk", "$source", "$line", "$format", "$title", "$abstract", "$published", "$authors", "$org", "$upvotes", "$arxiv", "$doi");
            ReadSources = Make(
                $"""
                SELECT s.source, s.line, s.format, {SourceTitle}, {SourceAbstract}, s.published, s.authors_count, s.organization, s.upvotes,
                    s.arxiv_id, s.doi
                FROM paper_source s JOIN paper p ON p.pk = s.paper_pk WHERE s.paper_pk = $pk;
                """,
                "$pk");
            MaterializeSourceText = Make(
                """
                UPDATE paper_source SET title = p.title, abstract = p.abstract, text_in_paper = 0
                FROM paper p WHERE p.pk = paper_source.paper_pk AND paper_source.paper_pk = $pk AND paper_source.text_in_paper = 1;
                """,
                "$pk");
            ShareSourceText = Make(
                """
                UPDATE paper_source SET title = '', abstract = NULL, text_in_paper = 1
                FROM paper p WHERE p.pk = paper_source.paper_pk AND paper_source.paper_pk = $pk AND paper_source.text_in_paper = 0
                    AND paper_source.title = p.title AND paper_source.abstract IS p.abstract
                    AND (SELECT count(*) FROM paper_source o WHERE o.paper_pk = $pk) = 1;
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
            // Citations and ids of the stub move to the real paper; what would duplicate is dropped with the stub. A stub has
            // no rows elsewhere (no sources, authors, links or topics). The citation-target index a bulk load defers comes
            // back first: moving citations by target needs it.
            AbsorbStub = Make(
                $"""
                {CitesTargetIndexSql}
                UPDATE OR IGNORE cites SET dst_pk = $pk WHERE dst_pk = $stub;
                UPDATE OR IGNORE cites SET src_pk = $pk WHERE src_pk = $stub;
                UPDATE OR IGNORE external_id SET paper_pk = $pk WHERE paper_pk = $stub;
                DELETE FROM cites WHERE dst_pk = $stub;
                DELETE FROM cites WHERE src_pk = $stub;
                DELETE FROM external_id WHERE paper_pk = $stub;
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
                $"""
                INSERT INTO cites (src_pk, dst_pk, kind, confidence, source_pk, source_line, {version.StampColumns}) VALUES ($src, $dst, {version.Kinds.Explicit}, 1.0, $source, $line, {version.StampValues})
                ON CONFLICT DO NOTHING;
                """,
                "$src", "$dst", "$source", "$line");
            InsertAuthor = Make("INSERT INTO author (name) VALUES ($name) ON CONFLICT (name) DO NOTHING;", "$name");
            AuthorPk = Make("SELECT pk FROM author WHERE name = $name;", "$name");
            InsertSourceFile = Make("INSERT INTO source_file (name) VALUES ($name) ON CONFLICT (name) DO NOTHING;", "$name");
            SourceFilePk = Make("SELECT pk FROM source_file WHERE name = $name;", "$name");
            InsertAuthored = Make(
                "INSERT INTO authored (author_pk, paper_pk, position) VALUES ($author, $pk, $position) ON CONFLICT DO NOTHING;",
                "$author", "$pk", "$position");
        }

        /// <summary>The most citation rows one insert writes.</summary>
        public const int MaxCitationRows = 32;

        private readonly SqliteConnection _connection;
        private readonly List<SqliteCommand> _all = [];
        private readonly List<RawInsert> _raw = [];
        private readonly RawInsert?[] _freshCites = new RawInsert?[MaxCitationRows];
        private readonly string _citationRow;
        private readonly string _citationInsert;

        public SqliteCommand InsertNewPaper { get; }
        public SqliteCommand PaperPk { get; }
        public SqliteCommand MaxPaperPk { get; }
        public SqliteCommand StoredIds { get; }
        public RawInsert FreshPaper { get; }
        /// <summary>A new paper's PAPER_ADDED event, when the writer writes it (the trigger suspended); null otherwise.</summary>
        public RawInsert? FreshPaperAdded { get; }
        public RawInsert FreshSource { get; }
        public RawInsert FreshExternalId { get; }
        public RawInsert FreshAuthored { get; }
        public SqliteCommand UpsertSource { get; }
        public SqliteCommand ReadSources { get; }
        public SqliteCommand MaterializeSourceText { get; }
        public SqliteCommand ShareSourceText { get; }
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
        public SqliteCommand AuthorPk { get; }
        public SqliteCommand InsertSourceFile { get; }
        public SqliteCommand SourceFilePk { get; }
        public SqliteCommand InsertAuthored { get; }

        /// <summary>
        /// An insert of <paramref name="rows"/> citation rows (at most <see cref="MaxCitationRows"/>), the values of each bound
        /// in turn: source, target, source file, line. One statement for a paper's references keeps SQLite's cursors open
        /// from row to row, where it can place each row after the first from the page the last one went to (the end of the
        /// table, in a load) rather than search from the root, and the statement starts and resets once.
        /// </summary>
        public RawInsert FreshCites(int rows)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, MaxCitationRows);
            return _freshCites[rows - 1] ??= Raw(_citationInsert + string.Join(", ", Enumerable.Repeat(_citationRow, rows)) + " ON CONFLICT DO NOTHING;");
        }

        public void Dispose()
        {
            foreach (var command in _all)
            {
                command.Dispose();
            }

            foreach (var insert in _raw)
            {
                insert.Dispose();
            }
        }

        private RawInsert Raw(string sql)
        {
            var insert = new RawInsert(_connection, sql);
            _raw.Add(insert);
            return insert;
        }
    }
}
