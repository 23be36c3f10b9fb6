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
        SqliteConnection.ClearAllPools();
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
        SqliteConnection.ClearAllPools();

        // With no connection of the store left open, an exclusive lock in rollback-journal mode is granted at once: a
        // connection still open on the WAL file would make the journal-mode switch fail with "database is locked".
        await using var exclusive = new SqliteConnection($"Data Source={store.DatabasePath};Pooling=False;Default Timeout=1");
        await exclusive.OpenAsync(Ct);
        await using var command = exclusive.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = DELETE;";
        Assert.Equal("delete", (string?)await command.ExecuteScalarAsync(Ct));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.FindPaperAsync(id, Ct));
    }

    private static async Task<string> OnlyPaperIdAsync(SqliteGraphStore store) =>
        (await store.QueryPapersAsync(new PaperQuery(new PaperFilter(), 1, null), Ct)).Items.Single().Paper.Id;
}
