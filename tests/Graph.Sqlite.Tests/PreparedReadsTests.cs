using CiteGraph.Graph.Storage;
using CiteGraph.Tests;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite.Tests;

/// <summary>
/// The server's hot reads (a paper by id, papers and their repositories by ids) run on kept connections with prepared
/// statements (issue 17, paper(id) throughput). Kept connections must not keep old answers: a write committed by anyone
/// else is seen by the next read, a cancelled read leaves nothing half-done for the next one, and closing the store
/// closes them.
/// </summary>
public sealed class PreparedReadsTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private SqliteGraphStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("graph.db") });
        await _store.InitializeAsync(Ct);
        await _store.UpsertAsync([Some.Resolved(Some.Record("Before", repo: "https://github.com/o/before"))], Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_read_on_a_kept_connection_sees_a_write_committed_by_another_connection()
    {
        var id = await OnlyPaperIdAsync(_store);
        // Several reads in parallel so more than one session is kept, each with its statements prepared.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _store.FindPaperAsync(id, Ct)));
        Assert.Equal("Before", (await _store.FindPaperAsync(id, Ct))!.Title);
        Assert.Equal("https://github.com/o/before", (await _store.GetReposOfPapersAsync([id], Ct))[id].Single().Repo.Url);

        await using (var outside = new SqliteConnection($"Data Source={_store.DatabasePath};Pooling=False"))
        {
            await outside.OpenAsync(Ct);
            await using var write = outside.CreateCommand();
            write.CommandText = "UPDATE paper SET title = 'After' WHERE id = $id; UPDATE repo SET url = 'https://github.com/o/after';";
            write.Parameters.AddWithValue("$id", id);
            await write.ExecuteNonQueryAsync(Ct);
        }

        for (var i = 0; i < 8; i++)
        {
            Assert.Equal("After", (await _store.FindPaperAsync(id, Ct))!.Title);
            Assert.Equal("After", (await _store.GetPapersAsync([id], Ct))[id].Title);
            Assert.Equal("https://github.com/o/after", (await _store.GetReposOfPapersAsync([id], Ct))[id].Single().Repo.Url);
        }
    }

    [Fact]
    public async Task A_cancelled_read_leaves_the_next_reads_correct()
    {
        var id = await OnlyPaperIdAsync(_store);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _store.FindPaperAsync(id, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _store.GetPapersAsync([id], cancelled.Token));
        Assert.Equal("Before", (await _store.FindPaperAsync(id, Ct))!.Title);
        Assert.Null(await _store.FindPaperAsync("P0000000000000000", Ct));
    }

    [Fact]
    public async Task Closing_the_store_closes_its_kept_connections()
    {
        var store = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("closed.db") });
        await store.InitializeAsync(Ct);
        await store.UpsertAsync([Some.Resolved(Some.Record("Closed"))], Ct);
        var id = await OnlyPaperIdAsync(store);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => store.FindPaperAsync(id, Ct)));
        await store.DisposeAsync();

        // With no connection of the store left open, an exclusive lock in rollback-journal mode is granted at once: a
        // connection still open on the WAL file would make the journal-mode switch fail with "database is locked".
        await using var exclusive = new SqliteConnection($"Data Source={store.DatabasePath};Pooling=False;Default Timeout=1");
        await exclusive.OpenAsync(Ct);
        await using var command = exclusive.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = DELETE;";
        Assert.Equal("delete", (string?)await command.ExecuteScalarAsync(Ct));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.FindPaperAsync(id, Ct));
    }

    [Fact]
    public async Task Reads_reuse_kept_sessions_and_keep_at_most_sixteen_idle()
    {
        var opened = 0;
        var path = _store.DatabasePath;
        await using var reads = new PreparedReads(async ct =>
        {
            Interlocked.Increment(ref opened);
            var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            await connection.OpenAsync(ct);
            return connection;
        });

        // One after another: every read after the first takes the session the last one gave back.
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(1L, await reads.RunAsync(CountPapersAsync, Ct));
        }

        Assert.Equal(1, opened);

        // 40 at once, all held open together: 40 sessions, of which at most 16 are kept when they are given back, so
        // the next 40 at once open no more than 40 − 16 new ones.
        await RunTogetherAsync(reads, 40);
        var afterFirstWave = opened;
        Assert.Equal(40, afterFirstWave);
        await RunTogetherAsync(reads, 40);
        Assert.Equal(afterFirstWave + 40 - 16, opened);
    }

    private static async Task RunTogetherAsync(PreparedReads reads, int count)
    {
        using var allIn = new CountdownEvent(count);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = Enumerable.Range(0, count).Select(_ => reads.RunAsync(
            async (session, ct) =>
            {
                allIn.Signal();
                await gate.Task.WaitAsync(ct);
                return await CountPapersAsync(session, ct);
            },
            Ct)).ToArray();
        await Task.Run(() => allIn.Wait(Ct), Ct);
        gate.SetResult();
        Assert.All(await Task.WhenAll(running), count => Assert.Equal(1L, count));
    }

    private static async Task<long> CountPapersAsync(PreparedReads.Session session, CancellationToken ct) =>
        (long)(await session.Command("SELECT count(*) FROM paper;").ExecuteScalarAsync(ct))!;

    private static async Task<string> OnlyPaperIdAsync(SqliteGraphStore store) =>
        (await store.QueryPapersAsync(new PaperQuery(new PaperFilter(), 1, null), Ct)).Items.Single().Paper.Id;
}
