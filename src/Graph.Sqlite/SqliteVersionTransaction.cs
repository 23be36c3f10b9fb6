using System.Globalization;
using System.Text.Json;
using CiteGraph.Graph.Storage.Versions;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// The version a write transaction records its events under: the ambient run's (<see cref="VersionRun.Current"/>), created by
/// the run's first transaction, or one of its own when no run is open. <see cref="BeginAsync"/> right after the transaction
/// begins, <see cref="FinishAsync"/> right before it commits, <see cref="Committed"/> after; disposing an uncommitted one
/// forgets a version number its rolled-back transaction created.
/// </summary>
internal sealed class SqliteVersionTransaction : IDisposable
{
    private readonly SqliteTransaction _tx;
    private readonly VersionRun? _run;
    private readonly bool _created;
    private readonly long _start;
    private bool _committed;
    private bool _keepsEmpty;
    private bool _schema18;

    private SqliteVersionTransaction(SqliteTransaction tx, VersionRun? run, long number, bool created, long start, long? batch)
    {
        _tx = tx;
        _run = run;
        Number = number;
        _created = created;
        _start = start;
        Batch = batch;
    }

    /// <summary>The schema from which a citation row stamped with its version is its CITATION_ADDED event (migration 0019).</summary>
    public const int RowsAreEventsSchema = 19;

    /// <summary>The schema from which each write transaction is a batch of the feed, stamped on its rows (migration 0022).</summary>
    public const int BatchesSchema = 22;

    /// <summary>The version this transaction's events belong to.</summary>
    public long Number { get; }

    /// <summary>This transaction's batch (commit order, <c>version_batch</c>); null on a file before schema 22.</summary>
    public long? Batch { get; }

    /// <summary>How this file stores a citation's kind (integers since schema 23).</summary>
    public CitationKindLiterals Kinds { get; private init; } = CitationKindLiterals.Current;

    /// <summary>The columns a citation insert stamps: the version, and the batch where the schema has it.</summary>
    public string StampColumns => Batch is null ? "version" : "version, batch";

    /// <summary>The values of <see cref="StampColumns"/> as SQL literals (numbers this class made, never outside text).</summary>
    public string StampValues => Batch is { } b ? FormattableString.Invariant($"{Number}, {b}") : Number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Installs the triggers on the connection (once) and points them at the version.</summary>
    public static async Task<SqliteVersionTransaction> BeginAsync(SqliteTransaction tx, VersionKind kindWithoutRun, CancellationToken ct)
    {
        // A file left at schema 18 (only tests keep one there) logs as schema 18 did.
        var schema = await SqliteMigrator.GetVersionAsync(tx.Connection!, ct, tx).ConfigureAwait(false);
        var schema18 = schema < RowsAreEventsSchema;
        await using (var install = tx.Command(schema18 ? SqliteVersionTriggers.Schema18.Install : SqliteVersionTriggers.Install))
        {
            await install.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        var run = VersionRun.Current;
        var number = run?.Number ?? 0;
        var created = false;
        if (number == 0)
        {
            await using var insert = tx.Command(
                "INSERT INTO version (kind, started_at) VALUES ($kind, $at) RETURNING number;");
            insert.Parameters.AddWithValue("$kind", SqliteVersionLog.KindName(run?.Kind ?? kindWithoutRun));
            insert.Parameters.AddWithValue("$at", (run?.StartedAt ?? DateTimeOffset.UtcNow).ToString("O", CultureInfo.InvariantCulture));
            number = (long)(await insert.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
            created = true;
            run?.Assign(number);
        }

        await using var point = tx.Command(
            "DELETE FROM temp.cg_run; INSERT INTO temp.cg_run (version) VALUES ($v); SELECT coalesce(max(seq), 0) FROM change_event;");
        point.Parameters.AddWithValue("$v", number);
        var start = (long)(await point.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        long? batch = null;
        if (schema >= BatchesSchema)
        {
            // Allocated inside the write transaction, which holds SQLite's one write lock from its first write to its commit:
            // batch numbers (max + 1) and event sequences follow the commits, so the feed read in batch order is commit order.
            await using var allocate = tx.Command("INSERT INTO version_batch (version, first_seq) VALUES ($v, $start) RETURNING batch;");
            allocate.Parameters.AddWithValue("$v", number);
            allocate.Parameters.AddWithValue("$start", start);
            batch = (long)(await allocate.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        }

        return new SqliteVersionTransaction(tx, run, number, created, start, batch)
        {
            _keepsEmpty = (run?.Kind ?? kindWithoutRun) == VersionKind.Analyze,
            _schema18 = schema18,
            Kinds = CitationKindLiterals.ForSchema(schema),
        };
    }

    /// <summary>
    /// Suspends the paper insert triggers for a writer that writes the PAPER_ADDED events of the new papers it inserts itself
    /// (<see cref="SqliteVersionTriggers.PaperAddedEvent"/>); false, and nothing suspended, on a file left at schema 18,
    /// whose citation trigger journals every insert anyway. <see cref="ResumeTriggersAsync"/> before any other write.
    /// </summary>
    public async Task<bool> SuspendPaperInsertTriggersAsync(CancellationToken ct)
    {
        if (_schema18)
        {
            return false;
        }

        await using var drop = _tx.Command(SqliteVersionTriggers.SuspendPaperInsertTriggers);
        await drop.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>Puts back the triggers <see cref="SuspendPaperInsertTriggersAsync"/> dropped (creates only what is missing).</summary>
    public async Task ResumeTriggersAsync(CancellationToken ct)
    {
        await using var install = _tx.Command(_schema18 ? SqliteVersionTriggers.Schema18.Install : SqliteVersionTriggers.Install);
        await install.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Drops rewrites of unchanged citations, stops recording, and — for a version of its own, outside any run — finishes the
    /// version with its summary, all inside the transaction.
    /// </summary>
    public async Task FinishAsync(CancellationToken ct)
    {
        var compactSql = _schema18 ? SqliteVersionTriggers.Schema18.CompactRewrites : SqliteVersionTriggers.CompactRewrites;
        await using (var compact = _tx.Command(compactSql + "DELETE FROM temp.cg_run;"))
        {
            compact.Parameters.AddWithValue("$start", _start);
            await compact.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        if (Batch is { } batch && await _tx.HasSchemaObjectAsync("index", "cites_by_version", ct).ConfigureAwait(false))
        {
            // A batch that recorded nothing (no stored event, no row) goes, so the table holds only batches the feed reads.
            // Safe: it is the highest batch and not committed, so no reader has seen it. While a bulk load has the index
            // of citation rows by batch dropped (SqliteGraphStore.BeginBulkLoadAsync), finding the batch's rows would scan
            // them all: the batch stays, and the feed reads nothing in it if it holds nothing.
            await using var drop = _tx.Command("""
                DELETE FROM version_batch WHERE batch = $b
                  AND NOT EXISTS (SELECT 1 FROM change_event WHERE seq > $start AND kind NOT IN (4, 7))
                  AND NOT EXISTS (SELECT 1 FROM cites INDEXED BY cites_by_version WHERE version = $v AND batch = $b);
                """);
            drop.Parameters.AddWithValue("$b", batch);
            drop.Parameters.AddWithValue("$start", _start);
            drop.Parameters.AddWithValue("$v", Number);
            await drop.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        if (_run is null)
        {
            var summary = await SqliteVersionLog.CountAsync(_tx.Connection!, _tx, Number, ct).ConfigureAwait(false);
            // A write outside any run that changed nothing (the same batch again) makes no version; an analyze run always
            // does (its scores, kept in analytics_history, are what it changed).
            var sql = summary == VersionSummary.Empty && !_keepsEmpty
                ? "DELETE FROM version WHERE number = $v AND $at IS NOT NULL AND $summary IS NOT NULL;"
                : "UPDATE version SET finished_at = $at, summary = $summary WHERE number = $v;";
            await using var finish = _tx.Command(sql);
            finish.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            finish.Parameters.AddWithValue("$summary", JsonSerializer.Serialize(summary));
            finish.Parameters.AddWithValue("$v", Number);
            await finish.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>The transaction committed: the version (if this transaction created it) stays.</summary>
    public void Committed() => _committed = true;

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_committed && _created)
        {
            _run?.Unassign(Number);
        }
    }
}
