using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Tests;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite.Tests;

/// <summary>
/// Every failure of the store a provider hands out leaves as a port exception (issue 18): a foreign file is a
/// <see cref="GraphStoreException"/> saying so, on every member, streams included; a locked file is
/// <see cref="GraphStoreUnavailableException"/>, which callers may retry.
/// </summary>
public sealed class GuardedStoreFailureTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _dir.Dispose();
    }

    [Fact]
    public async Task The_provider_hands_out_the_store_behind_the_guard()
    {
        await using var store = SqliteStoreProvider.Instance.ForFile(_dir.File("graph.db")).Open();
        var guarded = Assert.IsType<GuardedVectorGraphStore>(store);
        Assert.IsType<SqliteGraphStore>(guarded.Inner);
    }

    [Fact]
    public void Every_port_member_is_guarded_including_the_ones_with_default_implementations()
    {
        // A member the guard did not declare would run the interface's default, bypassing the store's own version and the guard.
        var ports = typeof(IGraphStore).GetInterfaces().Append(typeof(IGraphStore)).Append(typeof(IPaperVectorStore));
        foreach (var port in ports)
        {
            var map = typeof(GuardedVectorGraphStore).GetInterfaceMap(port);
            foreach (var target in map.TargetMethods)
            {
                Assert.True(target.DeclaringType == typeof(GuardedGraphStore) || target.DeclaringType == typeof(GuardedVectorGraphStore),
                    $"{port.Name}.{target.Name} is not forwarded by the guard (it runs {target.DeclaringType?.Name}'s version)");
            }
        }
    }

    [Fact]
    public async Task A_read_failing_inside_a_stream_arrives_as_a_graph_store_exception()
    {
        var path = GarbageFile();
        await using (var bare = new SqliteGraphStore(new SqliteStoreOptions { Path = path }))
        {
            // What the guard is for: the adapter alone lets SQLite's own exception out of the stream.
            await Assert.ThrowsAsync<SqliteException>(async () => await bare.ReadPaperTextsAsync(Ct).FirstOrDefaultAsync(Ct));
        }

        await using var store = SqliteGraphStore.Open(new SqliteStoreOptions { Path = path });
        var texts = store.ReadPaperTextsAsync(Ct); // lazy: nothing is read until the first MoveNextAsync
        await using var enumerator = texts.GetAsyncEnumerator(Ct);
        var ex = await Assert.ThrowsAsync<GraphStoreException>(async () => await enumerator.MoveNextAsync());
        Assert.Equal($"{path}: not a CiteGraph database (SQLite says: file is not a database)", ex.Message);
        Assert.False(ex.IsTransient);
        Assert.IsType<SqliteException>(ex.InnerException);
    }

    [Fact]
    public async Task Every_kind_of_member_on_a_foreign_file_fails_as_a_graph_store_exception_naming_the_file()
    {
        var path = GarbageFile();
        await using var store = SqliteGraphStore.Open(new SqliteStoreOptions { Path = path });
        var vectors = (IPaperVectorStore)store;
        var calls = new (string Name, Func<Task> Call)[]
        {
            ("InitializeAsync", () => store.InitializeAsync(Ct)),
            ("GetStatsAsync", () => store.GetStatsAsync(Ct)),
            ("SearchAsync", () => store.SearchAsync("attention", 5, Ct)),
            ("FindPaperAsync", () => store.FindPaperAsync("2101.00001", Ct)),
            ("QueryPapersAsync", () => store.QueryPapersAsync(new PaperQuery(new PaperFilter(), 5), Ct)),
            ("GetReposOfPapersAsync", () => store.GetReposOfPapersAsync(["p"], Ct)),
            ("GetTopicsAsync", () => store.GetTopicsAsync(5, 0, TopicOrder.Df, Ct)),
            ("RankAsync", () => store.RankAsync(RankingMetric.PageRank, 5, new PaperFilter(), Ct)),
            ("ReadSnapshotSourceAsync", () => store.ReadSnapshotSourceAsync(Ct)),
            ("GetChangeVersionAsync", () => store.GetChangeVersionAsync(Ct)),
            ("UpsertAsync", () => store.UpsertAsync([Some.Resolved(Some.Record("A Paper"))], Ct)),
            ("ReadIdentitiesAsync", async () => await store.ReadIdentitiesAsync(Ct).ToListAsync(Ct)),
            ("ReadVectorHashesAsync", () => vectors.ReadVectorHashesAsync(Ct)),
            ("ReadVectorsAsync", async () => await vectors.ReadVectorsAsync(Ct).ToListAsync(Ct)),
        };

        foreach (var (name, call) in calls)
        {
            var ex = await Record.ExceptionAsync(call);
            var storeFailure = Assert.IsType<GraphStoreException>(ex, exactMatch: false);
            Assert.True(storeFailure.Message.Contains(path, StringComparison.Ordinal) && storeFailure.Message.Contains("not a CiteGraph database", StringComparison.Ordinal),
                $"{name}: {storeFailure.Message}");
        }
    }

    [Fact]
    public async Task A_write_to_a_file_another_connection_holds_locked_is_unavailable_and_transient()
    {
        var path = _dir.File("locked.db");
        await using (var setup = SqliteGraphStore.Open(new SqliteStoreOptions { Path = path }))
        {
            await setup.InitializeAsync(Ct);
            await setup.UpsertAsync([Some.Resolved(Some.Record("A Paper"))], Ct);
        }

        await using var holder = new SqliteConnection($"Data Source={path};Pooling=False");
        await holder.OpenAsync(Ct);
        await using (var lockIt = holder.CreateCommand())
        {
            // Another process's load in the middle of a transaction: it holds the write lock.
            lockIt.CommandText = "BEGIN IMMEDIATE; UPDATE paper SET title = title;";
            await lockIt.ExecuteNonQueryAsync(Ct);
        }

        await using var store = SqliteGraphStore.Open(new SqliteStoreOptions { Path = path, BusyTimeout = TimeSpan.FromSeconds(1) });
        var ex = await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => store.UpsertAsync([Some.Resolved(Some.Record("Another Paper"))], Ct));
        Assert.True(ex.IsTransient);
        Assert.Contains("locked by another process", ex.Message, StringComparison.Ordinal);
    }

    private string GarbageFile()
    {
        var path = _dir.File("garbage.db");
        File.WriteAllBytes(path, Enumerable.Range(0, 8192).Select(i => (byte)(i * 37 % 251)).ToArray());
        return path;
    }
}
