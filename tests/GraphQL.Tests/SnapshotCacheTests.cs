using System.Text.Json;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Graph.Storage;
using CiteGraph.Tests;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace CiteGraph.GraphQL.Tests;

/// <summary>Paper rows and search answers are cached per snapshot: reused while it stands, fresh after a rebuild.</summary>
public sealed class SnapshotCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A chain of papers, each citing the one before it, all about "lattices".</summary>
    private static List<ResolvedRecord> Chain(int count, string titlePrefix) =>
        Enumerable.Range(0, count).Select(i => new ResolvedRecord(PaperId.For($"2101.{i:D5}", null, $"chain {i}"), new PaperRecord
        {
            Title = $"{titlePrefix} {i}",
            Abstract = "Lattices all the way down.",
            ArxivId = $"2101.{i:D5}",
            References = i == 0 ? [] : [new ExternalId(ExternalIdKind.Arxiv, $"2101.{i - 1:D5}")],
            Source = new SourceRef("chain.txt", i + 1, "test"),
        })).ToList();

    [Fact]
    public async Task A_repeated_lineage_reads_no_paper_rows_and_a_rebuilt_snapshot_shows_the_new_titles()
    {
        using var dir = new TempDirectory();
        await using var sqlite = new SqliteGraphStore(new SqliteStoreOptions { Path = dir.File("c.db") });
        await sqlite.InitializeAsync(Ct);
        var records = Chain(30, "Lattice paper");
        await sqlite.UpsertAsync(records, Ct);
        var (store, counter) = CountingStore.Wrap(sqlite);
        await using var services = new ServiceCollection().AddSingleton(store).AddCiteGraphQL().BuildServiceProvider();
        var snapshots = services.GetRequiredService<SnapshotHolder>();
        await snapshots.RebuildAsync(Ct);
        var last = records[^1].PaperId;
        var query = $"{{ lineage(paperId: \"{last}\", maxDepth: 6) {{ nodes {{ depth paper {{ title }} }} }} }}";

        var first = await DataAsync(services, query);
        Assert.Equal(6, first.GetProperty("lineage").GetProperty("nodes").GetArrayLength());
        counter.Calls.Clear();
        var again = await DataAsync(services, query);
        Assert.Equal(first.ToString(), again.ToString());
        Assert.False(counter.Calls.ContainsKey(nameof(IGraphStore.GetPapersAsync)), "the second lineage read paper rows again");

        // New titles for the same papers: the old snapshot's cache must not answer once the snapshot is rebuilt.
        await sqlite.UpsertAsync(Chain(30, "Renamed paper"), Ct);
        await snapshots.RebuildAsync(Ct);
        var renamed = await DataAsync(services, query);
        Assert.All(renamed.GetProperty("lineage").GetProperty("nodes").EnumerateArray(),
            n => Assert.StartsWith("Renamed paper", n.GetProperty("paper").GetProperty("title").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_repeated_search_is_answered_from_the_cache_until_the_snapshot_is_rebuilt_with_new_papers()
    {
        using var dir = new TempDirectory();
        await using var sqlite = new SqliteGraphStore(new SqliteStoreOptions { Path = dir.File("s.db") });
        await sqlite.InitializeAsync(Ct);
        await sqlite.UpsertAsync(Chain(5, "Lattice paper"), Ct);
        var (store, counter) = CountingStore.Wrap(sqlite);
        await using var services = new ServiceCollection().AddSingleton(store).AddCiteGraphQL().BuildServiceProvider();
        var snapshots = services.GetRequiredService<SnapshotHolder>();
        await snapshots.RebuildAsync(Ct);
        const string Query = "{ search(text: \"lattice\", mode: KEYWORD, first: 20) { paper { title } } }";

        Assert.Equal(5, (await DataAsync(services, Query)).GetProperty("search").GetArrayLength());
        counter.Calls.Clear();
        Assert.Equal(5, (await DataAsync(services, Query)).GetProperty("search").GetArrayLength());
        Assert.False(counter.Calls.ContainsKey(nameof(IGraphStore.SearchAsync)), "the repeated search asked the store again");

        await sqlite.UpsertAsync(Chain(8, "Lattice paper"), Ct);
        await snapshots.RebuildAsync(Ct);
        Assert.Equal(8, (await DataAsync(services, Query)).GetProperty("search").GetArrayLength());
        // Another page size is another answer, not the cached one cut or padded.
        Assert.Equal(3, (await DataAsync(services, Query.Replace("first: 20", "first: 3", StringComparison.Ordinal))).GetProperty("search").GetArrayLength());
    }

    private static Task<JsonElement> DataAsync(ServiceProvider services, string query) => services.DataAsync(query);
}
