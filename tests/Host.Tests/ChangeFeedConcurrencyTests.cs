using CiteGraph.Graph.Sqlite;
using CiteGraph.Graph.Storage.Versions;
using CiteGraph.Loaders.Derive;
using CiteGraph.Loaders.Generation;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Tests;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Host.Tests;

/// <summary>
/// The change feed's "nothing lost" promise (issue 21): a reader paging <c>changes</c> with small pages while loads write the
/// same SQLite file — in many small batches, two at once, or one killed with SIGKILL midway — reads, as a multiset, exactly
/// what one full read after the writes returns: every event once, none twice.
/// </summary>
public sealed class ChangeFeedConcurrencyTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_reader_paging_while_a_load_commits_many_batches_reads_every_event_once(bool bulk)
    {
        var database = _dir.File($"one-{bulk}.db");
        var corpus = Corpus("one.jsonl", papers: 3_000, seed: 41);
        await SeedAsync(database);
        using var stop = new CancellationTokenSource();
        var reader = PageUntilStoppedAsync(database, stop.Token);

        await using (var store = new SqliteGraphStore(new SqliteStoreOptions { Path = database }))
        {
            var loaded = await new Ingestor(store, new IngestOptions { BatchSize = 60, Bulk = bulk }).LoadAsync([InputFile.FromPath(corpus)], cancellationToken: Ct);
            // The derive stage rewrites inferred citations: removals, and additions stored where their rows were.
            await DeriveStage.AfterLoadAsync(store, loaded, new DeriveOptions { Embed = false }, cancellationToken: Ct);
        }

        await stop.CancelAsync();
        await AssertReadOnceAsync(database, await reader);
    }

    [Fact]
    public async Task A_reader_paging_while_two_loads_interleave_their_batches_reads_every_event_once()
    {
        var database = _dir.File("two.db");
        var lines = SyntheticCorpus.Lines(new GeneratorOptions { Papers = 3_000, RefsPerPaper = 4, Seed = 43 }).ToArray();
        var first = _dir.Write("first.jsonl", string.Join('\n', lines[..1_500]));
        var second = _dir.Write("second.jsonl", string.Join('\n', lines[1_500..]));
        await SeedAsync(database);
        using var stop = new CancellationTokenSource();
        var reader = PageUntilStoppedAsync(database, stop.Token);

        using var gate = new SemaphoreSlim(1, 1);
        async Task LoadAsync(string path)
        {
            // A store instance each: two writers with their own connections, as two `citegraph load` processes are; taking
            // turns, so their versions' batches do interleave.
            await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = database });
            await new Ingestor(TurnTakingStore.Wrap(store, gate), new IngestOptions { BatchSize = 50 }).LoadAsync([InputFile.FromPath(path)], cancellationToken: Ct);
        }

        await Task.WhenAll(Task.Run(() => LoadAsync(first), Ct), Task.Run(() => LoadAsync(second), Ct));
        await stop.CancelAsync();
        var read = await reader;
        await AssertReadOnceAsync(database, read);

        // The two versions' batches did interleave (A, B, A at least: on a loaded machine the turns are not strict; 2 to 8
        // switches seen): the test exercised what it is about.
        var order = read.Where(e => e.Version > 1).Select(e => e.Version).ToList();
        var switches = order.Zip(order.Skip(1)).Count(p => p.First != p.Second);
        output.WriteLine($"{read.Count} events, the version changed {switches} times along the feed");
        Assert.True(switches >= 2, $"the two loads did not interleave ({switches} switches)");
    }

    [Fact]
    public async Task A_load_killed_midway_leaves_its_committed_events_in_the_feed_for_a_reader_paging_through_and_after_the_kill()
    {
        var database = _dir.File("killed.db");
        // More than one 20,000-record batch of the CLI, so the kill falls after a commit and before the end.
        var corpus = Corpus("killed.jsonl", papers: 26_000, seed: 47);
        var after = Corpus("after.jsonl", papers: 500, seed: 53, idOffset: 1_000_000);
        await SeedAsync(database);
        using var stop = new CancellationTokenSource();
        var reader = PageUntilStoppedAsync(database, stop.Token);

        using (var process = CitegraphProcess.Start("load", corpus, "--db", database, "--quiet", "--no-embed", "--no-derive", "--bulk", "false"))
        {
            await VersionsTests.WaitForAsync(database, "SELECT COUNT(*) FROM change_event WHERE version > 1", TimeSpan.FromMinutes(4));
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Ct);
        }

        // Another load after the killed one: the killed version is not the last, and the reader must move past it.
        await using (var store = new SqliteGraphStore(new SqliteStoreOptions { Path = database }))
        {
            await new Ingestor(store, new IngestOptions { BatchSize = 100 }).LoadAsync([InputFile.FromPath(after)], cancellationToken: Ct);
        }

        await stop.CancelAsync();
        var read = await reader;
        await AssertReadOnceAsync(database, read);

        await using var check = new SqliteGraphStore(new SqliteStoreOptions { Path = database });
        var versions = await check.ReadVersionsAsync(0, 10, Ct);
        var killed = Assert.Single(versions, v => v.Kind == VersionKind.Load && !v.Complete);
        Assert.True(killed.Summary.PapersAdded > 0, "the killed load committed papers");
        Assert.Equal(killed.Summary.PapersAdded, read.Count(e => e.Version == killed.Number && e.Kind == ChangeKind.PaperAdded));
        Assert.Equal(killed.Summary.CitationsAdded, read.Count(e => e.Version == killed.Number && e.Kind == ChangeKind.CitationAdded));
        Assert.Contains(read, e => e.Version > killed.Number);
    }

    /// <summary>A first, finished version, so readers start from a store that already has history.</summary>
    private async Task SeedAsync(string database)
    {
        var seed = Corpus("seed.jsonl", papers: 200, seed: 59, idOffset: 2_000_000);
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = database });
        await new Ingestor(store).LoadAsync([InputFile.FromPath(seed)], cancellationToken: Ct);
    }

    private string Corpus(string name, int papers, ulong seed, int idOffset = 0)
    {
        var lines = SyntheticCorpus.Lines(new GeneratorOptions { Papers = papers, RefsPerPaper = 4, Seed = seed });
        // Distinct corpora get distinct ids (the generator numbers papers from 1): a load after another adds, not merges.
        return _dir.Write(name, string.Join('\n', idOffset == 0 ? lines : lines.Select(l => Offset(l, idOffset))));
    }

    /// <summary>The line with its work ids, DOIs and title numbers moved by <paramref name="offset"/>.</summary>
    private static string Offset(string line, int offset) =>
        System.Text.RegularExpressions.Regex.Replace(line, @"(/W|synthetic\.|Study )(\d+)", m =>
            m.Groups[1].Value + (long.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + offset).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// Pages the feed from the start, seven events a page, on a store instance of its own (a separate connection, as a
    /// server's is): at the end of the feed it waits a moment and asks again from its last cursor, as a live subscriber
    /// does; once stopped (the writers are done), it reads on until the feed has no next page.
    /// </summary>
    private static Task<List<ChangeEvent>> PageUntilStoppedAsync(string database, CancellationToken stop) => Task.Run(async () =>
    {
        var read = new List<ChangeEvent>();
        var after = ChangeCursor.Start;
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = database });
        while (true)
        {
            var stopped = stop.IsCancellationRequested;
            var page = await store.ReadChangesAsync(0, after, 7, Ct);
            read.AddRange(page.Events);
            if (page.Events.Count > 0)
            {
                after = page.Events[^1].Cursor;
            }

            if (!page.HasNextPage)
            {
                if (stopped)
                {
                    return read;
                }

                await Task.Delay(3, Ct);
            }
        }
    }, Ct);

    private static async Task AssertReadOnceAsync(string database, List<ChangeEvent> read)
    {
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = database });
        var whole = new List<ChangeEvent>();
        var after = ChangeCursor.Start;
        while (true)
        {
            var page = await store.ReadChangesAsync(0, after, 5_000, Ct);
            whole.AddRange(page.Events);
            if (!page.HasNextPage)
            {
                break;
            }

            after = page.Events[^1].Cursor;
        }

        Assert.True(whole.Count > 1_000, $"{whole.Count} events");
        Assert.Equal(read.Count, read.Select(e => e.Cursor).Distinct().Count());
        var missing = whole.Select(Content).Except(read.Select(Content)).Take(5).ToList();
        Assert.True(missing.Count == 0, $"the paging reader missed events, e.g. {string.Join("; ", missing)}");
        Assert.Equal(whole.Select(Content).Order(StringComparer.Ordinal), read.Select(Content).Order(StringComparer.Ordinal));
    }

    private static string Content(ChangeEvent e) => $"{e.Version}|{e.Kind}|{e.PaperId}|{e.OtherPaperId}|{e.Data}";
}
