using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

public sealed partial class SqliteGraphStore
{
    /// <summary>The index on citation targets, exactly as migration 0001 creates it.</summary>
    internal const string CitesTargetIndexSql = "CREATE INDEX IF NOT EXISTS cites_dst ON cites (dst_pk);";

    /// <summary>
    /// The indexes a load fills in random order and nothing in the load reads: citation targets, years, and each paper's
    /// own events (keyed by the paper's id, a hash: 1M papers cost 8 s of a 62 s load kept row by row, 0.7 s sorted at
    /// the end); and the citation rows by batch, filled in order but a second tree for every one of tens of millions of
    /// rows (6.2 s of a 1M load's 13.3 s of citation inserts; 3.4 s built at the end). Those filled in key order (ids,
    /// external ids by paper, authorship by paper) stay: appending is cheap, and the writer reads some of them. Readers
    /// must not name these with INDEXED BY (the writer names cites_by_version only once it knows it is there): while a
    /// bulk load runs they are absent, and reads that would use them scan.
    /// </summary>
    private const string DeferredIndexes = "'cites_dst', 'paper_year', 'change_event_of_paper', 'cites_by_version'";

    private const string FtsTriggers = "'paper_fts_insert', 'paper_fts_update', 'paper_fts_delete'";

    // While a bulk load runs, the papers it adds are not in the search index yet: a title or abstract changed or a paper
    // deleted touches the index only for papers that are in it (paper_fts_docsize has a row for each).
    private const string BulkFtsTriggers = """
        CREATE TRIGGER paper_fts_delete AFTER DELETE ON paper
            WHEN EXISTS (SELECT 1 FROM paper_fts_docsize WHERE id = old.pk) BEGIN
            INSERT INTO paper_fts (paper_fts, rowid, title, abstract) VALUES ('delete', old.pk, old.title, old.abstract);
        END;
        CREATE TRIGGER paper_fts_update AFTER UPDATE OF title, abstract ON paper
            WHEN (old.title IS NOT new.title OR old.abstract IS NOT new.abstract)
                AND EXISTS (SELECT 1 FROM paper_fts_docsize WHERE id = old.pk) BEGIN
            INSERT INTO paper_fts (paper_fts, rowid, title, abstract) VALUES ('delete', old.pk, old.title, old.abstract);
            INSERT INTO paper_fts (rowid, title, abstract) VALUES (new.pk, new.title, new.abstract);
        END;
        """;

    /// <inheritdoc />
    /// <remarks>
    /// For the length of the load the store trades read paths for write speed: the indexes filled in random order are
    /// dropped and the search index is not kept up with new papers; at the end each index is built with one sort and the
    /// new papers are indexed for search in one pass (about four times cheaper than paper by paper: 2.6 s instead of 11 s for
    /// 200,000 generated papers). Into a store whose search index is empty (a first load) that pass runs beside the
    /// writer during the load instead, on the CPU it leaves, and the index is copied in at the end (<see cref="BulkSearchIndexer"/>).
    /// Until then "cited by" reads and searches miss or scan. What the load changes is recorded in the <c>bulk_load</c>
    /// table in the same transaction, so a load that was killed is finished by <see cref="InitializeAsync"/> when the
    /// store is next opened (by another store instance while the load still runs, it is finished early: correct, only
    /// slower). A stub merged during the load brings the citation-target index back first.
    /// </remarks>
    public async Task<IAsyncDisposable> BeginBulkLoadAsync(CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await WriterAsync(cancellationToken).ConfigureAwait(false);
            await using var tx = connection.BeginTransaction();
            await FinishPendingBulkLoadAsync(connection, tx, cancellationToken).ConfigureAwait(false);
            await using (var saved = tx.Command($"""
                    CREATE TABLE bulk_load (name TEXT PRIMARY KEY, type TEXT NOT NULL, sql TEXT NOT NULL);
                    INSERT INTO bulk_load (name, type, sql) SELECT name, type, sql FROM sqlite_master
                    WHERE (type = 'index' AND name IN ({DeferredIndexes})) OR (type = 'trigger' AND name IN ({FtsTriggers}));
                    SELECT type, name FROM bulk_load ORDER BY name;
                    """))
            {
                var drops = new List<string>();
                await using (var reader = await saved.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        // Names come from sqlite_master, filtered by the constant lists above.
                        drops.Add($"DROP {reader.GetString(0).ToUpperInvariant()} {reader.GetString(1)};");
                    }
                }

                saved.CommandText = string.Join('\n', drops) + BulkFtsTriggers;
                await saved.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var searchTableSql = await EmptySearchTableSqlAsync(tx, cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            _bulkLoads++;
            if (_checkpointer is null)
            {
                if (searchTableSql is not null)
                {
                    try
                    {
                        _searchIndexer = await BulkSearchIndexer.StartAsync(DatabasePath, searchTableSql, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
                    {
                        // No scratch file beside the store (no room, no rights): the end of the load indexes the papers.
                        LastBulkSearchIndex = $"not started: {ex.Message}";
                    }
                }

                // The log is copied into the database beside the writer (BulkCheckpointer), not by it after each batch.
                await SetLogSettingsAsync(connection, autoCheckpointPages: 0, BulkJournalSizeLimit, cancellationToken).ConfigureAwait(false);
                _checkpointer = await BulkCheckpointer.StartAsync(OpenAsync, DatabasePath, BulkLogLimitBytes, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _writeLock.Release();
        }

        return new BulkLoadScope(this);
    }

    /// <summary>Ends a bulk load, or finishes one that was killed: see <see cref="BeginBulkLoadAsync"/>.</summary>
    private async Task EndBulkLoadAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The index builds below sort millions of keys in memory. What the load held (this writer's caches, the
            // caller's identity maps) is garbage by now: give it back first, or the sort comes on top of it.
            _writeCache.Clear();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            _bulkLoads--;
            var connection = await WriterAsync(cancellationToken).ConfigureAwait(false);
            if (_bulkLoads == 0 && _checkpointer is { } checkpointer)
            {
                _checkpointer = null;
                await checkpointer.DisposeAsync().ConfigureAwait(false);
                await SetLogSettingsAsync(connection, DefaultAutoCheckpointPages, DefaultJournalSizeLimit, cancellationToken).ConfigureAwait(false);
            }

            if (_bulkLoads == 0 && _searchIndexer is { } searchIndexer)
            {
                _searchIndexer = null;
                await using (searchIndexer.ConfigureAwait(false))
                {
                    LastBulkSearchIndex = await CopySearchIndexBuiltBesideAsync(connection, searchIndexer, cancellationToken).ConfigureAwait(false);
                }
            }

            await using var tx = connection.BeginTransaction();
            await FinishPendingBulkLoadAsync(connection, tx, cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// The end of a load whose search index was built beside the writer: the indexer brings it up to the store while the
    /// writer builds the deferred indexes (in a transaction of their own), then copies it in, before the rest of the end
    /// (<see cref="FinishPendingBulkLoadAsync"/>) finds every paper indexed. Each step leaves a state that step finishes
    /// if the process dies. Says how the index was built, or why it was not copied (the writer then indexes the papers).
    /// </summary>
    private static async Task<string?> CopySearchIndexBuiltBesideAsync(SqliteConnection connection, BulkSearchIndexer indexer, CancellationToken cancellationToken)
    {
        // The pass under way finishes first, while the writer holds back: at the least priority it would wait for the sorts.
        await indexer.StopAsync().ConfigureAwait(false);
        var ready = indexer.FinishAsync(cancellationToken);
        try
        {
            await using var indexes = connection.BeginTransaction();
            await RestoreDeferredAsync(connection, indexes, "index", cancellationToken).ConfigureAwait(false);
            await indexes.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // The indexer's connection is closed next: let it finish with it first.
            await ((Task)ready).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        try
        {
            return await ready.ConfigureAwait(false) && await indexer.CopyIntoStoreAsync(cancellationToken).ConfigureAwait(false)
                ? "built beside the writer"
                : indexer.NotCopiedBecause;
        }
        catch (SqliteException ex)
        {
            return $"copying the index into the store failed: {ex.Message}";
        }
    }

    /// <summary>How the last bulk load's search index was built when it was built beside the writer, or why not (tests).</summary>
    internal string? LastBulkSearchIndex { get; private set; }

    /// <summary>Passes the search index of the bulk load under way has made beside the writer; -1 when there is none (tests).</summary>
    internal int BulkSearchPasses => _searchIndexer?.Passes ?? -1;

    /// <summary>
    /// The statement declaring the search table when its index is empty (a store's first load), so a bulk load can
    /// build it beside the writer (<see cref="BulkSearchIndexer"/>); null otherwise.
    /// </summary>
    private static async Task<string?> EmptySearchTableSqlAsync(SqliteTransaction tx, CancellationToken cancellationToken)
    {
        await using var command = tx.Command(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'paper_fts' AND NOT EXISTS (SELECT 1 FROM paper_fts_docsize);");
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    /// <summary>The write-ahead log size past which a bulk load lets the log start over (tests set it low).</summary>
    internal long BulkLogLimitBytes { get; init; } = BulkCheckpointer.DefaultLogLimitBytes;

    /// <summary>SQLite's own default for <c>PRAGMA wal_autocheckpoint</c>, put back when a bulk load ends.</summary>
    private const int DefaultAutoCheckpointPages = 1000;

    /// <summary>
    /// <c>PRAGMA journal_size_limit</c> while a bulk load writes: when the log starts over, its file is cut to what the
    /// first transaction after wrote. The checkpointer reads the file's length as the log's length (<see
    /// cref="BulkCheckpointer.DrainAsync"/>); a file left at its longest would read as past the limit after every batch
    /// once it first got there, and the writer would stop for a checkpoint each time (40 of 54 batches of a 1M load, 5.7 s).
    /// </summary>
    private const int BulkJournalSizeLimit = 0;

    /// <summary>SQLite's own default for <c>PRAGMA journal_size_limit</c> (no limit), put back when a bulk load ends.</summary>
    private const int DefaultJournalSizeLimit = -1;

    private static async Task SetLogSettingsAsync(SqliteConnection connection, int autoCheckpointPages, int journalSizeLimit, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_autocheckpoint = {autoCheckpointPages}; PRAGMA journal_size_limit = {journalSizeLimit};";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// If a bulk load is recorded in <c>bulk_load</c>: puts the saved indexes back, indexes the papers it added for search,
    /// puts the saved triggers back and forgets the load, in <paramref name="tx"/>.
    /// </summary>
    private static async Task FinishPendingBulkLoadAsync(SqliteConnection connection, SqliteTransaction tx, CancellationToken cancellationToken)
    {
        if (!await tx.HasSchemaObjectAsync("table", "bulk_load", cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await RestoreDeferredAsync(connection, tx, "index", cancellationToken).ConfigureAwait(false);

        // FTS5 writes its pending terms out as a new segment each time they pass 'hashsize' bytes (1 MiB by default) and
        // merges segments as they pile up: with room for 64 MiB, indexing a bulk load's papers writes fewer, larger
        // segments and merges less (0.87–0.91 instead of 1.05 CPU-s for 200,000 generated papers). Reset for later writes.
        // Papers a search index built beside the writer holds already (BulkSearchIndexer) are not indexed again.
        await using (var search = tx.Command($"""
            INSERT INTO paper_fts (paper_fts, rank) VALUES ('hashsize', {BulkFtsHashBytes});
            INSERT INTO paper_fts (rowid, title, abstract)
            SELECT pk, title, abstract FROM paper WHERE pk NOT IN (SELECT id FROM paper_fts_docsize);
            INSERT INTO paper_fts (paper_fts, rank) VALUES ('hashsize', {DefaultFtsHashBytes});
            DROP TRIGGER IF EXISTS paper_fts_insert;
            DROP TRIGGER IF EXISTS paper_fts_update;
            DROP TRIGGER IF EXISTS paper_fts_delete;
            """))
        {
            await search.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await RestoreDeferredAsync(connection, tx, "trigger", cancellationToken).ConfigureAwait(false);
        await using var forget = tx.Command("DROP TABLE bulk_load;");
        await forget.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Puts back the indexes (<paramref name="type"/> "index") or triggers ("trigger") a bulk load set aside that are not
    /// there yet, from their statements in <c>bulk_load</c>, in <paramref name="tx"/>.
    /// </summary>
    private static async Task RestoreDeferredAsync(SqliteConnection connection, SqliteTransaction tx, string type, CancellationToken cancellationToken)
    {
        var restore = new List<string>();
        await using var command = tx.Command(
            "SELECT b.sql FROM bulk_load b WHERE b.type = $type AND NOT EXISTS (SELECT 1 FROM sqlite_master m WHERE m.name = b.name) ORDER BY b.name;");
        command.Parameters.AddWithValue("$type", type);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                restore.Add(reader.GetString(0) + ";"); // this store's own schema, saved when the load began
            }
        }

        if (restore.Count == 0)
        {
            return;
        }

        command.Parameters.Clear();
        // SQLite sorts an index's keys in runs as large as the page cache, each run sorted on a worker thread (PRAGMA threads)
        // while the next is read, and merges them: with runs of 8 MiB instead of the writer's 128 MiB the sort overlaps the
        // table scan (cites_dst over 10M citations: 4.1 s instead of 5.4 s; the other indexes the same either way).
        var cacheSize = await SqliteMigrator.PragmaAsync(connection, "cache_size", cancellationToken, tx).ConfigureAwait(false);
        try
        {
            command.CommandText = $"PRAGMA cache_size = {IndexBuildCacheSize};\n" + string.Join('\n', restore);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            command.CommandText = $"PRAGMA cache_size = {cacheSize};"; // a value SQLite gave
            await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The page cache (KiB, negative as SQLite takes it) while the deferred indexes are built: see above.</summary>
    internal const int IndexBuildCacheSize = -8192;

    /// <summary>The write connection's <c>PRAGMA cache_size</c> (tests: the end of a bulk load gives it back).</summary>
    internal async Task<long> WriterCacheSizeAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await SqliteMigrator.PragmaAsync(await WriterAsync(cancellationToken).ConfigureAwait(false), "cache_size", cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>FTS5's pending-terms limit while a bulk load's papers are indexed at its end.</summary>
    private const int BulkFtsHashBytes = 64 << 20;

    /// <summary>FTS5's own default for <c>hashsize</c>, put back after.</summary>
    private const int DefaultFtsHashBytes = 1 << 20;

    private sealed class BulkLoadScope(SqliteGraphStore store) : IAsyncDisposable
    {
        private int _disposed;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                // Not cancellable: the store must not be left without its indexes once the load is over.
                await store.EndBulkLoadAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
