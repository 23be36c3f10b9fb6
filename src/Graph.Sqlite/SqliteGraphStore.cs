using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CiteGraph.Graph.Model;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode (readers never wait for the writer), versioned migrations, FTS5
/// search over title and abstract, every source record kept as provenance.
/// </summary>
public sealed partial class SqliteGraphStore : IGraphStore
{
    internal const string PaperColumns =
        "p.pk, p.id, p.title, p.abstract, p.year, p.published, p.authors_count, p.organization, p.upvotes, p.arxiv_id, p.doi, " +
        "p.page_rank, p.betweenness, p.community, p.core_number";

    private const string PaperByIdSql = $"SELECT {PaperColumns} FROM paper p WHERE p.id = $id;";
    private const string PapersByIdsSql = $"SELECT {PaperColumns} FROM paper p WHERE p.id IN (SELECT value FROM json_each($ids));";

    /// <summary>
    /// The evidence of citation <c>c</c>: its own text (inferred citations, explicit ones stored before schema 6) or the
    /// source record that listed it, <c>file:line</c>.
    /// </summary>
    internal const string CitationEvidence =
        "coalesce(c.evidence, (SELECT f.name FROM source_file f WHERE f.pk = c.source_pk) || ':' || c.source_line)";

    /// <summary>Columns read by <see cref="ReadPaper"/>; extra columns of a query come after them.</summary>
    internal const int PaperColumnCount = 15;

    private readonly string _connectionString;
    private readonly ReadConnectionPool _readConnections;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly WriteCache _writeCache = new();
    private readonly ChangeMonitor _changes;
    private readonly PreparedReads _reads;
    private readonly StoreFailureTranslation _failures;
    private SqliteConnection? _writer;
    private int _bulkLoads; // begun by this instance and not yet ended: InitializeAsync must not finish them
    private BulkCheckpointer? _checkpointer; // while a bulk load of this instance runs
    private BulkSearchIndexer? _searchIndexer; // while a bulk load of this instance into an empty search index runs

    public SqliteGraphStore(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        DatabasePath = System.IO.Path.GetFullPath(options.Path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Not Microsoft.Data.Sqlite's process-wide pool: reads reuse this store's own connections (ReadConnectionPool).
            Pooling = false,
            // Microsoft.Data.Sqlite retries a busy database until the command timeout: this is the busy timeout.
            DefaultTimeout = Math.Max(1, (int)options.BusyTimeout.TotalSeconds),
        }.ToString();
        // As many idle as the prepared reads keep sessions at least: a server's concurrent reads reuse connections
        // rather than open one (and parse the schema again) per request.
        _readConnections = new ReadConnectionPool(_connectionString, maxIdle: Math.Clamp(4 * Environment.ProcessorCount, PreparedReads.MaxIdle, 64));
        _changes = new ChangeMonitor(OpenAsync);
        _reads = new PreparedReads(OpenAsync);
        _failures = SqliteFailures.For(DatabasePath);
    }

    /// <summary>
    /// The store at <paramref name="options"/>' path as providers hand it out: behind a guard that turns every SQLite
    /// failure of every member (streams included) into the port's exceptions. <c>new SqliteGraphStore(…)</c> is the bare
    /// adapter, for tests that need its own members.
    /// </summary>
    public static IGraphStore Open(SqliteStoreOptions options)
    {
        var store = new SqliteGraphStore(options);
        return GuardedGraphStore.Over(store, store._failures);
    }

    /// <summary>Full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>The schema <see cref="InitializeAsync"/> migrates to; null: the latest (tests set an earlier one).</summary>
    internal int? SchemaCeiling { get; init; }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (Directory.Exists(DatabasePath))
        {
            throw new GraphStoreException($"{DatabasePath} is a directory, not a database file; give the path of a file in it (e.g. {System.IO.Path.Combine(DatabasePath, "citegraph.db")}).");
        }

        try
        {
            await InitializeFileAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not GraphStoreException && _failures(ex) is { } translated)
        {
            // The first statements on a file meet what is wrong with it: say so in one line, naming the file.
            throw translated;
        }
    }

    private async Task InitializeFileAsync(CancellationToken cancellationToken)
    {
        var directory = System.IO.Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = await OpenForWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A bulk load this instance began is ended by its scope; one left by a killed process is finished here.
            var bulkLoadRunsHere = _bulkLoads > 0;
            if (!bulkLoadRunsHere)
            {
                // It left indexes dropped and new papers out of the search index.
                await using var tx = connection.BeginTransaction();
                await FinishPendingBulkLoadAsync(connection, tx, cancellationToken).ConfigureAwait(false);
                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                // A killed load's search index, half built beside its writer, is of no use now (BulkSearchIndexer).
                BulkSearchIndexer.DeleteScratch(BulkSearchIndexer.ScratchPath(DatabasePath));
            }

            await SqliteMigrator.MigrateAsync(connection, cancellationToken, SchemaCeiling).ConfigureAwait(false);
            if (!bulkLoadRunsHere)
            {
                await using var index = connection.CreateCommand();
                // Stores from before bulk_load was recorded: a killed bulk load left only the citation-target index dropped.
                index.CommandText = CitesTargetIndexSql;
                await index.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>The schema version of the file.</summary>
    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SqliteMigrator.GetVersionAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PaperIdentity> ReadIdentitiesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // Stubs and papers from id-only sources are recognised by their other external ids (OpenAlex, S2, edge lists).
        command.CommandText = """
            SELECT p.id, p.arxiv_id, p.doi, p.title_key, p.year, p.is_stub,
                   (SELECT group_concat(e.kind || char(9) || e.value, char(10)) FROM external_id e
                    WHERE e.paper_pk = p.pk AND e.kind NOT IN ('Arxiv', 'Doi'))
            FROM paper p ORDER BY p.pk;
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var externalIds = reader.IsDBNull(6)
                ? []
                : reader.GetString(6).Split('\n').Select(line => line.Split('\t', 2))
                    .Where(parts => parts.Length == 2 && Enum.TryParse<ExternalIdKind>(parts[0], out _))
                    .Select(parts => new ExternalId(Enum.Parse<ExternalIdKind>(parts[0]), parts[1]))
                    .ToArray();
            yield return new PaperIdentity(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4))
            {
                IsStub = reader.GetInt64(5) != 0,
                ExternalIds = externalIds,
            };
        }
    }

    /// <inheritdoc />
    public async Task<Paper?> FindPaperAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var text = id.Trim();
        if (PaperId.IsPaperId(text))
        {
            return await _reads.RunAsync(
                async (session, ct) =>
                {
                    var command = session.Command(PaperByIdSql);
                    command.Parameters.AddWithValue("$id", text);
                    await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    return await reader.ReadAsync(ct).ConfigureAwait(false) ? ReadPaper(reader) : null;
                },
                cancellationToken).ConfigureAwait(false);
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // An external id: normalized arXiv id or DOI when it has that shape, else any kind verbatim (OpenAlex, S2, …).
        command.CommandText = $"""
            SELECT {PaperColumns} FROM external_id e JOIN paper p ON p.pk = e.paper_pk
            WHERE (e.kind = 'Arxiv' AND e.value = $arxiv) OR (e.kind = 'Doi' AND e.value = $doi)
               OR (e.kind = 'OpenAlex' AND e.value = $openalex) OR e.value = $raw
            LIMIT 1;
            """;
        command.Parameters.AddWithValue("$arxiv", (object?)Identifiers.NormalizeArxiv(text) ?? DBNull.Value);
        command.Parameters.AddWithValue("$doi", (object?)Identifiers.NormalizeDoi(text) ?? DBNull.Value);
        command.Parameters.AddWithValue("$openalex", (object?)Identifiers.NormalizeOpenAlex(text) ?? DBNull.Value);
        command.Parameters.AddWithValue("$raw", text);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadPaper(reader) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, Paper>> GetPapersAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, Paper>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return result;
        }

        return await _reads.RunAsync(
            async (session, ct) =>
            {
                var command = session.Command(PapersByIdsSql);
                command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(ids));
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    var paper = ReadPaper(reader);
                    result[paper.Id] = paper;
                }

                return result;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<PaperPage> QueryPapersAsync(PaperQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.First);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var count = connection.CreateCommand();
        await using var page = connection.CreateCommand();
        var where = FilterSql(query.Filter, count, page);
        if (where is null)
        {
            return new PaperPage([], false, 0);
        }

        count.CommandText = $"SELECT COUNT(*) FROM paper p WHERE {where};";
        // The key expressions are fixed fragments chosen by the enum; values travel as parameters.
        var key = query.Order switch
        {
            PaperOrder.Published => "(CASE WHEN p.year IS NULL THEN 0 ELSE p.year * 10000 + COALESCE(CAST(substr(p.published, 6, 2) AS INTEGER), 0) * 100 + COALESCE(CAST(substr(p.published, 9, 2) AS INTEGER), 0) END)",
            PaperOrder.PageRank => "COALESCE(p.page_rank, -1.0)",
            PaperOrder.Citations => "(SELECT COUNT(*) FROM cites c WHERE c.dst_pk = p.pk)",
            PaperOrder.Upvotes => "COALESCE(p.upvotes, -1)",
            _ => null,
        };
        if (key is null)
        {
            page.CommandText = $"SELECT {PaperColumns}, 0.0 FROM paper p WHERE {where} AND p.pk > $after ORDER BY p.pk LIMIT $limit;";
        }
        else
        {
            var after = query.AfterKey is null ? "" : $"AND ({key} < $afterKey OR ({key} = $afterKey AND p.pk > $after))";
            page.CommandText = $"SELECT {PaperColumns}, CAST({key} AS REAL) FROM paper p WHERE {where} {after} ORDER BY {key} DESC, p.pk LIMIT $limit;";
            page.Parameters.AddWithValue("$afterKey", query.AfterKey ?? 0);
        }

        page.Parameters.AddWithValue("$after", query.After ?? 0);
        page.Parameters.AddWithValue("$limit", query.First + 1);

        var total = query.CountTotal
            ? Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture)
            : -1;
        var items = new List<(long, Paper)>(query.First);
        var keys = new List<double>(query.First);
        var hasNext = false;
        await using var reader = await page.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (items.Count == query.First)
            {
                hasNext = true;
                break;
            }

            items.Add((reader.GetInt64(0), ReadPaper(reader)));
            keys.Add(reader.GetDouble(PaperColumnCount));
        }

        return new PaperPage(items, hasNext, total, key is null ? null : keys);
    }

    /// <inheritdoc />
    public async Task<Repo?> FindRepoAsync(string canonicalUrl, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT url, host, owner, name FROM repo WHERE url = $url;";
        command.Parameters.AddWithValue("$url", canonicalUrl);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new Repo(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3))
            : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Paper>> GetPapersOfRepoAsync(string canonicalUrl, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT DISTINCT {PaperColumns} FROM repo r
            JOIN paper_repo pr ON pr.repo_pk = r.pk JOIN paper p ON p.pk = pr.paper_pk
            WHERE r.url = $url ORDER BY p.pk;
            """;
        command.Parameters.AddWithValue("$url", canonicalUrl);
        var papers = new List<Paper>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            papers.Add(ReadPaper(reader));
        }

        return papers;
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<RepoLink>>> GetReposOfPapersAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) =>
        ReadPerPaperAsync(
            paperIds,
            """
            SELECT p.id, r.url, r.host, r.owner, r.name, pr.evidence FROM paper p
            JOIN paper_repo pr ON pr.paper_pk = p.pk JOIN repo r ON r.pk = pr.repo_pk
            WHERE p.id IN (SELECT value FROM json_each($ids)) ORDER BY p.id, r.url, pr.evidence;
            """,
            r => new RepoLink(new Repo(r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)), r.GetString(5)),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<WebLink>>> GetLinksOfPapersAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) =>
        ReadPerPaperAsync(
            paperIds,
            """
            SELECT p.id, l.url, l.kind FROM paper p JOIN paper_link l ON l.paper_pk = p.pk
            WHERE p.id IN (SELECT value FROM json_each($ids)) ORDER BY p.id, l.url;
            """,
            r => new WebLink(r.GetString(1), Enum.Parse<LinkKind>(r.GetString(2))),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<ExternalId>>> GetExternalIdsAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) =>
        ReadPerPaperAsync(
            paperIds,
            """
            SELECT p.id, e.kind, e.value FROM paper p JOIN external_id e ON e.paper_pk = p.pk
            WHERE p.id IN (SELECT value FROM json_each($ids)) ORDER BY p.id, e.kind, e.value;
            """,
            r => new ExternalId(Enum.Parse<ExternalIdKind>(r.GetString(1)), r.GetString(2)),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<SourceRef>>> GetSourcesAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) =>
        ReadPerPaperAsync(
            paperIds,
            """
            SELECT p.id, s.source, s.line, s.format FROM paper p JOIN paper_source s ON s.paper_pk = p.pk
            WHERE p.id IN (SELECT value FROM json_each($ids)) ORDER BY p.id, s.source, s.line;
            """,
            r => new SourceRef(r.GetString(1), r.GetInt32(2), r.GetString(3)),
            cancellationToken);

    /// <inheritdoc />
    public async Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM paper WHERE is_stub = 0), (SELECT COUNT(*) FROM repo), (SELECT COUNT(*) FROM topic),
                   (SELECT COUNT(*) FROM author), (SELECT COUNT(*) FROM cites),
                   (SELECT COUNT(*) FROM cites WHERE kind = 1), (SELECT COUNT(*) FROM paper_source),
                   (SELECT COUNT(*) FROM paper_link), (SELECT COUNT(*) FROM co_topic);
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new GraphStats(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3),
            reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7), reader.GetInt32(8));
    }

    /// <inheritdoc />
    public async Task<long?> GetChangeVersionAsync(CancellationToken cancellationToken = default) =>
        await _changes.VersionAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _postings) is { } postings)
        {
            await postings.DisposeAsync().ConfigureAwait(false); // a list built in the background holds a connection
        }

        await _reads.DisposeAsync().ConfigureAwait(false);
        await _changes.DisposeAsync().ConfigureAwait(false);
        if (_checkpointer is not null)
        {
            await _checkpointer.DisposeAsync().ConfigureAwait(false);
            _checkpointer = null;
        }

        if (_searchIndexer is not null)
        {
            await _searchIndexer.DisposeAsync().ConfigureAwait(false);
            _searchIndexer = null;
        }

        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
            _writer = null;
        }

        await _readConnections.DisposeAsync().ConfigureAwait(false);
        _writeLock.Dispose();
    }

    /// <summary>
    /// The connection batches are written on, kept open between batches so <see cref="WriteCache"/> can tell from
    /// <c>PRAGMA data_version</c> whether anyone else wrote in between. Call under the write lock.
    /// </summary>
    private async Task<SqliteConnection> WriterAsync(CancellationToken cancellationToken)
    {
        if (_writer is { State: System.Data.ConnectionState.Open })
        {
            return _writer;
        }

        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }

        // Batches touch index pages all over the file (ids, titles, citation targets): a large page cache keeps them in
        // memory. Foreign keys are not checked row by row here: the batch writer assigns every key itself and removes a
        // merged stub's rows explicitly (tests run PRAGMA foreign_key_check after loads), which halves the cost of a citation.
        // Helper threads let SQLite's sorter use the other cores when it builds an index (the end of a bulk load).
        _writer = await OpenForWriteAsync(
            cancellationToken,
            $"PRAGMA cache_size = -131072; PRAGMA foreign_keys = OFF; PRAGMA threads = {Math.Clamp(Environment.ProcessorCount, 1, 8)};").ConfigureAwait(false);
        return _writer;
    }

    /// <summary>
    /// Closes the read connections kept idle, so that the next reads open the file at its path again (tests that move
    /// the served file away); connections lent out and the prepared reads' sessions are not touched.
    /// </summary>
    internal void CloseIdleReadConnections() => _readConnections.CloseIdle();

    private GraphStoreException CannotOpen(SqliteException ex) => SqliteFailures.Translate(ex, $"Cannot open the SQLite store at {DatabasePath}");

    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Reads need no per-connection settings: kept connections are handed out as they are.
            return await _readConnections.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw CannotOpen(ex);
        }
    }

    /// <summary>
    /// The WHERE clause of a paper filter over alias <c>p</c>, binding its values on every command given; null when the
    /// filter cannot match anything (a text filter without a single word).
    /// </summary>
    private static string? FilterSql(PaperFilter filter, params SqliteCommand[] commands)
    {
        var conditions = new List<string> { "p.is_stub = 0" };
        void Bind(string name, object value)
        {
            foreach (var command in commands)
            {
                command.Parameters.AddWithValue(name, value);
            }
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var fts = FtsQuery.FromText(filter.Text);
            if (fts is null)
            {
                return null;
            }

            conditions.Add("p.pk IN (SELECT rowid FROM paper_fts WHERE paper_fts MATCH $fts)");
            Bind("$fts", fts);
        }

        if (filter.YearFrom is { } from)
        {
            conditions.Add("p.year >= $yearFrom");
            Bind("$yearFrom", from);
        }

        if (filter.YearTo is { } to)
        {
            conditions.Add("p.year <= $yearTo");
            Bind("$yearTo", to);
        }

        if (filter.Community is { } community)
        {
            // Any level's community: the hierarchy places each paper once per level.
            conditions.Add("p.pk IN (SELECT paper_pk FROM community_member WHERE community = $community)");
            Bind("$community", community);
        }

        if (filter.HasRepo is { } hasRepo)
        {
            conditions.Add((hasRepo ? "" : "NOT ") + "EXISTS (SELECT 1 FROM paper_repo r WHERE r.paper_pk = p.pk)");
        }

        // Only the fixed fragments above are joined; every value travels as a parameter.
        return string.Join(" AND ", conditions);
    }

    /// <summary>
    /// The settings of a writer that replaces a derived layer in one transaction (analytics write-back, topic graph,
    /// inferred citations) or rebuilds a table (migrations, <see cref="SqliteMigrator"/>): at ten million papers its pages outgrow the default 2 MB page cache many times over, and every
    /// page missed is looked up in a WAL that by then holds gigabytes of this transaction's frames (SQLite searches the WAL's
    /// hash tables one per 4,096 frames). A page cache of up to 1 GiB (allocated only as pages are touched) keeps the
    /// indexes being updated in memory. Foreign keys are off: every key written was read from the paper table in the same
    /// transaction, and each check was a look-up of a paper row in random order (a page miss each, at that size).
    /// </summary>
    internal const string LayerWriteSettings = "PRAGMA foreign_keys = OFF; PRAGMA cache_size = -1048576;";

    /// <summary>
    /// A connection for writing: foreign keys enforced, and WAL's NORMAL sync (durable at each checkpoint, never corrupt);
    /// then <paramref name="settings"/>, more PRAGMAs for one kind of writer (which may override those two), in the same
    /// round trip.
    /// </summary>
    internal async Task<SqliteConnection> OpenForWriteAsync(CancellationToken cancellationToken, string settings = "")
    {
        // A connection of its own, closed when disposed: its settings (and a bulk writer's large page cache) must not
        // travel to the reads.
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw CannotOpen(ex);
        }

        try
        {
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; " + settings;
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<T>>> ReadPerPaperAsync<T>(
        IReadOnlyCollection<string> paperIds, string sql, Func<SqliteDataReader, T> map, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, IReadOnlyList<T>>(StringComparer.Ordinal);
        if (paperIds.Count == 0)
        {
            return result;
        }

        // Callers pass fixed SQL texts (one per kind of per-paper read), so the session keeps one prepared command each.
        return await _reads.RunAsync(
            async (session, ct) =>
            {
                var command = session.Command(sql);
                command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(paperIds));
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    var id = reader.GetString(0);
                    if (!result.TryGetValue(id, out var list))
                    {
                        result[id] = list = new List<T>();
                    }

                    ((List<T>)list).Add(map(reader));
                }

                return result;
            },
            cancellationToken).ConfigureAwait(false);
    }

    internal static Paper ReadPaper(SqliteDataReader r) => new()
    {
        Id = r.GetString(1),
        Title = r.GetString(2),
        Abstract = r.IsDBNull(3) ? null : r.GetString(3),
        Year = r.IsDBNull(4) ? null : r.GetInt32(4),
        Published = r.IsDBNull(5) ? null : r.GetString(5),
        AuthorsCount = r.IsDBNull(6) ? null : r.GetInt32(6),
        Organization = r.IsDBNull(7) ? null : r.GetString(7),
        Upvotes = r.IsDBNull(8) ? null : r.GetInt32(8),
        ArxivId = r.IsDBNull(9) ? null : r.GetString(9),
        Doi = r.IsDBNull(10) ? null : r.GetString(10),
        PageRank = r.IsDBNull(11) ? null : r.GetDouble(11),
        Betweenness = r.IsDBNull(12) ? null : r.GetDouble(12),
        Community = r.IsDBNull(13) ? null : r.GetInt32(13),
        CoreNumber = r.IsDBNull(14) ? null : r.GetInt32(14),
    };
}
