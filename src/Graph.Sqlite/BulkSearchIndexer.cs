using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// Builds the search index of a bulk load into a store whose search index is empty (a first load) in a scratch file of
/// its own, on a connection and thread of its own, while the writer writes the batches; at the end of the load its
/// index is copied into the store. One SQLite file has one writer: built by the writer at the end, tokenizing the
/// papers' titles and abstracts held the whole load up on one core (the longest single-threaded step of the end of a
/// 1M load), while the second core had time to spare during the batches.
/// </summary>
/// <remarks>
/// The scratch file holds a copy of each paper's title and abstract as it indexed them and an FTS5 table declared as
/// the store's own (the same statement, so the same columns, tokenizer and options) over that copy: its index tables
/// (<c>_data</c>, <c>_idx</c>, <c>_docsize</c>) have the same format as the store's and are copied row for row. After
/// each committed batch the writer hands over the papers it created, as it wrote them (<see cref="Add"/>), and they are
/// indexed here; the store is not read until the end. A batch may also change
/// or remove papers indexed already (a record merged into a stub or a paper); <see cref="FinishAsync"/> compares every
/// indexed text with the store's and indexes again what differs, so the copy matches the store exactly, whatever was
/// written during the load. The copy is made only into a store whose search index is still empty and whose change log
/// has not moved since that comparison; otherwise, or when anything here fails, the writer indexes the papers itself as
/// before. Nothing here is durable: the scratch file is deleted when the load ends, and a load killed midway is
/// finished by the store from its own rows.
/// </remarks>
internal sealed class BulkSearchIndexer : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly string _path;
    private readonly SemaphoreSlim _nudged = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<IReadOnlyList<SearchRow>> _queue = new();
    private Exception? _failure;
    private long _logMark;
    private int _passes;
    private int _queuedPapers;

    private BulkSearchIndexer(SqliteConnection connection, string path)
    {
        _connection = connection;
        _path = path;
        // A thread of its own at the least priority: during the batches it takes only the CPU the writer and the readers
        // leave (one core's writer is the load's pace; indexing beside it must not slow it down).
        new Thread(Loop) { IsBackground = true, Name = "CiteGraph bulk search index" }.Start();
    }

    /// <summary>
    /// The most papers handed over and not yet indexed (their text is held meanwhile): two full batches. More are left to
    /// the end, when the writer outruns a thread that only gets the CPU left over.
    /// </summary>
    public const int MostQueuedPapers = 40_000;

    /// <summary>FTS5's pending-terms limit in the scratch file: fewer, larger segments, fewer merges.</summary>
    private const int HashBytes = 64 << 20;

    /// <summary>The scratch file of a store's bulk load: beside the store, deleted when the load ends.</summary>
    public static string ScratchPath(string databasePath) => databasePath + "-bulk-search";

    /// <summary>Passes made beside the writer so far (tests wait for one between batches).</summary>
    public int Passes => Volatile.Read(ref _passes);

    /// <summary>Why the index was not copied, when it was not (a failure here, or the store changed); null otherwise.</summary>
    public string? NotCopiedBecause { get; private set; }

    /// <summary>
    /// Starts indexing beside the writer of the store at <paramref name="databasePath"/>, whose search table is declared
    /// by <paramref name="searchTableSql"/> (its statement in <c>sqlite_master</c>).
    /// </summary>
    public static async Task<BulkSearchIndexer> StartAsync(string databasePath, string searchTableSql, CancellationToken cancellationToken)
    {
        var path = ScratchPath(databasePath);
        DeleteScratch(path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            // Scratch: no journal, no syncs. A failure abandons the file; the store is never written from a partial one.
            command.CommandText = $"""
                PRAGMA journal_mode = OFF;
                PRAGMA synchronous = OFF;
                CREATE TABLE paper (pk INTEGER PRIMARY KEY, title TEXT NOT NULL, abstract TEXT);
                {searchTableSql};
                INSERT INTO paper_fts (paper_fts, rank) VALUES ('hashsize', {HashBytes});
                ATTACH DATABASE $store AS store;
                """;
            command.Parameters.AddWithValue("$store", databasePath);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new BulkSearchIndexer(connection, path);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            DeleteScratch(path);
            throw;
        }
    }

    /// <summary>
    /// Hands over the new papers of a committed batch, as the writer wrote them, to be indexed on this thread. Never
    /// blocks: while the papers handed over and not yet indexed are past <see cref="MostQueuedPapers"/>, they are left to
    /// the pass at the end (<see cref="FinishAsync"/>), which reads them from the store.
    /// </summary>
    public void Add(IReadOnlyList<SearchRow> rows)
    {
        if (rows.Count == 0 || Volatile.Read(ref _queuedPapers) + rows.Count > MostQueuedPapers)
        {
            return;
        }

        Interlocked.Add(ref _queuedPapers, rows.Count);
        _queue.Enqueue(rows);
        if (_nudged.CurrentCount == 0)
        {
            try
            {
                _nudged.Release();
            }
            catch (SemaphoreFullException)
            {
                // Nudged already and not yet woken: one pass takes everything queued.
            }
        }
    }

    /// <summary>
    /// Stops indexing beside the writer once the pass under way is done. Call when the writer stops writing papers: the
    /// pass, at the least priority, then has the CPU.
    /// </summary>
    public async Task StopAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        await _stopped.Task.ConfigureAwait(false);
    }

    /// <summary>
    /// After <see cref="StopAsync"/>: brings the index up to the store's papers as committed now: indexes those not seen
    /// yet, and again those whose title or abstract changed since, and drops those removed. Runs at normal priority on a
    /// pool thread beside the writer (which must not write papers meanwhile); false when the index cannot be used.
    /// </summary>
    public async Task<bool> FinishAsync(CancellationToken cancellationToken)
    {
        await StopAsync().ConfigureAwait(false);
        if (_failure is not null)
        {
            NotCopiedBecause = $"indexing beside the writer failed: {_failure.Message}";
            return false;
        }

        try
        {
            await Task.Run(Reconcile, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            NotCopiedBecause = $"bringing the index up to the store failed: {ex.Message}";
            return false;
        }
    }

    /// <summary>
    /// Replaces the store's (empty) search index with this one, in one transaction of its own: only if the store's index
    /// is still empty, its bulk load still open and its change log where <see cref="FinishAsync"/> left it. False, with
    /// <see cref="NotCopiedBecause"/>, when it was not copied (the store is then unchanged).
    /// </summary>
    public async Task<bool> CopyIntoStoreAsync(CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE: the store's write lock is taken first, so nothing changes between the check and the copy.
        await using var tx = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = tx.Command(
            """
            SELECT NOT EXISTS (SELECT 1 FROM store.paper_fts_docsize)
                AND EXISTS (SELECT 1 FROM store.sqlite_master WHERE type = 'table' AND name = 'bulk_load')
                AND (SELECT coalesce(max(seq), 0) FROM store.change_event) = $mark
                AND (SELECT v FROM store.paper_fts_config WHERE k = 'version') IS (SELECT v FROM main.paper_fts_config WHERE k = 'version');
            """);
        command.Parameters.AddWithValue("$mark", _logMark);
        if ((long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! != 1)
        {
            NotCopiedBecause = "the store's search index or change log changed while the load ended";
            return false;
        }

        command.CommandText = """
            DELETE FROM store.paper_fts_data;
            DELETE FROM store.paper_fts_idx;
            INSERT INTO store.paper_fts_data (id, block) SELECT id, block FROM main.paper_fts_data ORDER BY id;
            INSERT INTO store.paper_fts_idx (segid, term, pgno) SELECT segid, term, pgno FROM main.paper_fts_idx ORDER BY segid, term, pgno;
            INSERT INTO store.paper_fts_docsize (id, sz) SELECT id, sz FROM main.paper_fts_docsize ORDER BY id;
            """;
        command.Parameters.Clear();
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
        DeleteScratch(_path);
        _stop.Dispose();
        _nudged.Dispose();
    }

    /// <summary>
    /// Deletes a scratch file left behind. A load of another process still using it goes on with its open file (or keeps
    /// it, where open files cannot be deleted); its copy is then refused, since the store finished that load meanwhile.
    /// </summary>
    public static void DeleteScratch(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Open elsewhere (that load deletes it when it ends), or not a file: a load then indexes at its end.
        }
    }

    private void Loop()
    {
        try
        {
            SpareCpuThread.LowerCurrent();
            while (true)
            {
                _nudged.Wait(_stop.Token);
                while (_queue.TryDequeue(out var rows))
                {
                    IndexRows(rows);
                    Interlocked.Add(ref _queuedPapers, -rows.Count);
                }

                Interlocked.Increment(ref _passes);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped between passes.
        }
        catch (Exception ex)
        {
            // Whatever failed (on a thread of its own, it must not take the process down), the writer then indexes the
            // papers itself at the end: slower, never wrong.
            _failure = ex;
        }
        finally
        {
            _stopped.SetResult();
        }
    }

    /// <summary>
    /// Papers as the writer wrote them, each with its text, in one transaction of the scratch file alone (deferred: the
    /// store is not locked). A key indexed already is left to <see cref="Reconcile"/>, which compares its text.
    /// </summary>
    private void IndexRows(IReadOnlyList<SearchRow> rows)
    {
        using var tx = _connection.BeginTransaction(deferred: true);
        using var text = tx.Command("INSERT INTO main.paper (pk, title, abstract) VALUES ($pk, $title, $abstract) ON CONFLICT (pk) DO NOTHING;");
        using var index = tx.Command("INSERT INTO paper_fts (rowid, title, abstract) VALUES ($pk, $title, $abstract);");
        foreach (var command in (SqliteCommand[])[text, index])
        {
            command.Parameters.Add("$pk", SqliteType.Integer);
            command.Parameters.Add("$title", SqliteType.Text);
            command.Parameters.Add("$abstract", SqliteType.Text);
        }

        foreach (var row in rows)
        {
            foreach (var command in (SqliteCommand[])[text, index])
            {
                command.Parameters[0].Value = row.Pk;
                command.Parameters[1].Value = row.Title;
                command.Parameters[2].Value = (object?)row.Abstract ?? DBNull.Value;
            }

            if (text.ExecuteNonQuery() == 1)
            {
                index.ExecuteNonQuery();
            }
        }

        tx.Commit();
    }

    private void Reconcile()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(seq), 0) FROM store.change_event;";
        _logMark = (long)command.ExecuteScalar()!;
        // Indexed papers removed or changed since, and papers of the store never handed over (stubs, papers past the
        // queue, the last batch's if the writer outran this thread, a key reused).
        command.CommandText = """
            CREATE TEMP TABLE stale (pk INTEGER PRIMARY KEY);
            INSERT INTO temp.stale (pk)
            SELECT s.pk FROM main.paper s LEFT JOIN store.paper p ON p.pk = s.pk
            WHERE p.pk IS NULL OR p.title IS NOT s.title OR p.abstract IS NOT s.abstract;
            INSERT OR IGNORE INTO temp.stale (pk)
            SELECT p.pk FROM store.paper p WHERE NOT EXISTS (SELECT 1 FROM main.paper s WHERE s.pk = p.pk);
            INSERT INTO paper_fts (paper_fts, rowid, title, abstract)
            SELECT 'delete', s.pk, s.title, s.abstract FROM main.paper s WHERE s.pk IN temp.stale;
            DELETE FROM main.paper WHERE pk IN temp.stale;
            INSERT INTO main.paper (pk, title, abstract) SELECT pk, title, abstract FROM store.paper WHERE pk IN temp.stale;
            INSERT INTO paper_fts (rowid, title, abstract) SELECT pk, title, abstract FROM main.paper WHERE pk IN temp.stale;
            DROP TABLE temp.stale;
            """;
        command.ExecuteNonQuery();
    }
}
