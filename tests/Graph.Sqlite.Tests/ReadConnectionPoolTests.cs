using CiteGraph.Tests;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite.Tests;

/// <summary>
/// The store's read connections are its own: Microsoft.Data.Sqlite's pool is shared by the whole process, and clearing
/// it (another store's or a test's clean-up calling <c>SqliteConnection.ClearAllPools</c>) disposed the native handle of a
/// connection a search was just opening ("Cannot access a disposed object. Object name: 'SQLitePCL.sqlite3'", seen once in
/// CI in SearchTopKTests). A store keeps answering whatever the process does to that pool, reuses its connections, and
/// closes them all when it is closed.
/// </summary>
public sealed class ReadConnectionPoolTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reads_in_parallel_keep_answering_while_the_process_clears_every_SQLite_pool()
    {
        using var dir = new TempDirectory();
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = dir.File("graph.db") });
        await store.InitializeAsync(Ct);
        await store.UpsertAsync([Some.Resolved(Some.Record("Pooled reads"))], Ct);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var clears = 0;
        var clearing = Task.Run(
            () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    SqliteConnection.ClearAllPools();
                    clears++;
                }
            },
            Ct);

        // Each read opens (and gives back) a connection of the store: plain reads, a count and a search.
        var reads = Enumerable.Range(0, 4).Select(_ => Task.Run(
            async () =>
            {
                var done = 0;
                var until = DateTime.UtcNow.AddSeconds(2);
                while (DateTime.UtcNow < until)
                {
                    Assert.Equal(1, (await store.GetStatsAsync(Ct)).Papers);
                    Assert.Single(await store.SearchAsync("pooled", 10, Ct));
                    done++;
                }

                return done;
            },
            Ct)).ToArray();
        var counts = await Task.WhenAll(reads);
        await stop.CancelAsync();
        await clearing;

        Assert.True(clears > 100, $"only {clears} clears: the pool was not cleared under the reads");
        Assert.All(counts, c => Assert.True(c > 10, $"a reader finished only {c} rounds"));
    }

    [Fact]
    public async Task Closing_the_store_closes_every_connection_it_kept_for_reads()
    {
        using var dir = new TempDirectory();
        var store = new SqliteGraphStore(new SqliteStoreOptions { Path = dir.File("graph.db") });
        await store.InitializeAsync(Ct);
        await store.UpsertAsync([Some.Resolved(Some.Record("Closed"))], Ct);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.SearchAsync("closed", 10, Ct)));
        Assert.True(OpenFilesOf(store.DatabasePath) > 0, "the reads left no connection open to reuse");
        await store.DisposeAsync();

        // No ClearAllPools here: the store's connections must be closed by the store itself (Microsoft.Data.Sqlite's
        // pool kept idle ones open for minutes).
        Assert.Equal(0, OpenFilesOf(store.DatabasePath));
    }

    [Fact]
    public async Task Closing_the_store_while_a_search_list_is_built_in_the_background_leaves_no_file_open()
    {
        // A word's first search starts building its ranked list in the background on a connection of its own; closing the
        // store right after must stop that build and close its connection before it returns. (SQLite keeps the closed
        // connections' file handles open while another connection of the process holds a lock on the file, so one build
        // left running held three handles after the store was closed: a CI failure of the test above.)
        using var dir = new TempDirectory();
        for (var round = 0; round < 5; round++)
        {
            var store = new SqliteGraphStore(new SqliteStoreOptions { Path = dir.File($"graph{round}.db") });
            await store.InitializeAsync(Ct);
            await store.UpsertAsync(
                [.. Enumerable.Range(0, 3000).Select(i => Some.Resolved(Some.Record($"Closed word {i} in a title", line: i + 1)))],
                Ct);
            Assert.NotEmpty(await store.SearchAsync("closed", 10, Ct));
            await store.DisposeAsync();
            Assert.Equal(0, OpenFilesOf(store.DatabasePath));
        }
    }

    // The process's open file descriptors on the database file (Linux: /proc/self/fd).
    private static int OpenFilesOf(string path)
    {
        Assert.SkipUnless(Directory.Exists("/proc/self/fd"), "needs /proc/self/fd (Linux) to see which files the process holds open");
        return new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos().Count(fd =>
        {
            try
            {
                return fd.LinkTarget == path;
            }
            catch (IOException)
            {
                return false; // closed while listed
            }
        });
    }

    [Fact]
    public async Task A_connection_given_back_with_its_transaction_still_open_is_closed_not_reused()
    {
        using var dir = new TempDirectory();
        await using var pool = new ReadConnectionPool($"Data Source={await InitializedStoreAsync(dir)}", maxIdle: 4);
        var first = await pool.OpenAsync(Ct);
        await first.DisposeAsync();
        var second = await pool.OpenAsync(Ct);
        Assert.Same(first, second); // given back clean: reused
        Assert.Equal(1, pool.Opened);

        // A read transaction left open (its reader not disposed) must not travel to the next borrower.
        var transaction = second.BeginTransaction(deferred: true);
        await using (var read = second.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT count(*) FROM paper;";
            await read.ExecuteScalarAsync(Ct);
        }

        await second.DisposeAsync();
        var third = await pool.OpenAsync(Ct);
        Assert.NotSame(second, third);
        Assert.Equal(2, pool.Opened);
        await using var check = third.CreateCommand();
        check.CommandText = "SELECT count(*) FROM paper;";
        Assert.Equal(0L, (long)(await check.ExecuteScalarAsync(Ct))!);
        await third.DisposeAsync();
    }

    [Fact]
    public async Task A_connection_disposed_twice_is_kept_once_so_two_readers_never_share_it()
    {
        using var dir = new TempDirectory();
        await using var pool = new ReadConnectionPool($"Data Source={await InitializedStoreAsync(dir)}", maxIdle: 4);
        var connection = await pool.OpenAsync(Ct);
        await connection.DisposeAsync();
        await connection.DisposeAsync();
        var first = await pool.OpenAsync(Ct);
        var second = await pool.OpenAsync(Ct);
        Assert.NotSame(first, second);
        Assert.Equal(2, pool.Opened);
        await first.DisposeAsync();
        await second.DisposeAsync();
    }

    // A store file with the schema and nothing else, its store closed: what a pool of its own is tested on.
    private static async Task<string> InitializedStoreAsync(TempDirectory dir)
    {
        var path = dir.File("graph.db");
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        await store.InitializeAsync(Ct);
        return path;
    }
}
