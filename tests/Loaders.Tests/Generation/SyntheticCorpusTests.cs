using CiteGraph.Tests;
using System.Diagnostics;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Generation;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Loaders.Tests.Support;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Loaders.Tests.Generation;

public class SyntheticCorpusTests(ITestOutputHelper output)
{
    private const string WorkerDbVariable = "CITEGRAPH_TEST_WORKER_DB";
    private const string WorkerInputVariable = "CITEGRAPH_TEST_WORKER_INPUT";
    private const int WorkerBatchSize = 200;

    private static async Task<LoadReport> LoadAsync(string db, string input, int batchSize, CancellationToken cancellationToken, bool bulk = false)
    {
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = db });
        return await Loading.LoadAndDeriveAsync(store, new IngestOptions { BatchSize = batchSize, Bulk = bulk }, [InputFile.FromPath(input)], cancellationToken: cancellationToken);
    }

    [Fact]
    public void Lines_SameOptions_SameCorpus_OtherSeed_OtherCorpus()
    {
        var options = new GeneratorOptions { Papers = 50, RefsPerPaper = 3 };

        Assert.Equal(SyntheticCorpus.Lines(options), SyntheticCorpus.Lines(options));
        Assert.NotEqual(SyntheticCorpus.Lines(options), SyntheticCorpus.Lines(options with { Seed = 2 }));
        Assert.Equal(50, SyntheticCorpus.Lines(options).Count());
    }

    [Fact]
    public void CoinedTerms_ChangeOnlyTheTexts_AndMostPapersNameARareMethod()
    {
        var plain = new GeneratorOptions { Papers = 20_000, RefsPerPaper = 3 };
        var coined = plain with { CoinedTerms = true };
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (a, b) in SyntheticCorpus.Lines(plain).Zip(SyntheticCorpus.Lines(coined)))
        {
            using var plainWork = System.Text.Json.JsonDocument.Parse(a);
            using var coinedWork = System.Text.Json.JsonDocument.Parse(b);
            foreach (var field in new[] { "id", "publication_date", "referenced_works", "authorships" })
            {
                Assert.Equal(plainWork.RootElement.GetProperty(field).GetRawText(), coinedWork.RootElement.GetProperty(field).GetRawText());
            }

            var title = coinedWork.RootElement.GetProperty("title").GetString()!;
            var name = title[(title.IndexOf(" with the ", StringComparison.Ordinal) + 10)..title.IndexOf(':', StringComparison.Ordinal)];
            Assert.Contains(name.Split(' ')[0].ToLowerInvariant(), coinedWork.RootElement.GetProperty("abstract_inverted_index").EnumerateObject().Select(p => p.Name), StringComparer.Ordinal);
            names[name] = names.GetValueOrDefault(name) + 1;
        }

        // A long tail, as real key phrases have: a few names in over a thousand papers (beyond CO_TOPIC's walk), most papers
        // naming one shared by between 2 and 1,000 papers (what co-topic is built from), which a fixed vocabulary loses past ~100K.
        var sharedByFew = names.Values.Where(n => n is >= 2 and <= 1_000).Sum();
        Assert.InRange(names.Values.Count(n => n > 1_000), 1, 5);
        Assert.True(sharedByFew > 0.7 * plain.Papers, $"{sharedByFew:N0} of {plain.Papers:N0} papers name a method shared by 2-1,000 papers");
        Assert.True(names.Count > 1_000, $"{names.Count} names");
    }

    [Fact]
    public async Task WriteAsync_WritesExactlyWhatLinesYields()
    {
        using var temp = new TempDirectory();
        var options = new GeneratorOptions { Papers = 300, RefsPerPaper = 4, Seed = 9 };

        await SyntheticCorpus.WriteAsync(temp.File("c.jsonl"), options, TestContext.Current.CancellationToken);

        Assert.Equal(SyntheticCorpus.Lines(options), await File.ReadAllLinesAsync(temp.File("c.jsonl"), TestContext.Current.CancellationToken));
        Assert.False(File.Exists(temp.File("c.jsonl.part")));
    }

    /// <remarks>
    /// Also the child process of <see cref="Load_KilledMidwayThenRerun_GivesTheSameGraphAsOneLoad"/>: started with the
    /// worker variables set, it loads the given corpus into the given store instead, and is killed on the way.
    /// </remarks>
    [Fact]
    public async Task Generate_ThenLoad_EveryPaperAndCitationArrives()
    {
        if (Environment.GetEnvironmentVariable(WorkerDbVariable) is { } workerDb)
        {
            // The way a large load runs: in bulk, the citation-target index dropped until the end.
            await LoadAsync(workerDb, Environment.GetEnvironmentVariable(WorkerInputVariable)!, WorkerBatchSize, TestContext.Current.CancellationToken, bulk: true);
            return;
        }

        using var temp = new TempDirectory();
        var citations = await SyntheticCorpus.WriteAsync(temp.File("c.jsonl"), new GeneratorOptions { Papers = 400, RefsPerPaper = 6 }, TestContext.Current.CancellationToken);

        var report = await LoadAsync(temp.File("g.db"), temp.File("c.jsonl"), 100, TestContext.Current.CancellationToken);

        Assert.Equal(0, report.Rejected);
        Assert.Equal(400, report.PapersInStore);
        Assert.True(citations > 400 * 5, $"{citations} citations");
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = temp.File("g.db") });
        // Every generated citation arrives as an explicit one; the derive pass may infer more on top (titles drawn from
        // one vocabulary share rare phrases), which the store counts apart.
        var stats = await store.GetStatsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(citations, stats.Citations - stats.InferredCitations);
        Assert.Equal(0, await StoreDump.ScalarAsync(temp.File("g.db"), "SELECT COUNT(*) FROM paper WHERE is_stub = 1"));
    }

    [Theory]
    [Trait("Category", "Process")]
    [InlineData(10)]
    [InlineData(4)]
    [InlineData(2)]
    public async Task Load_KilledMidwayThenRerun_GivesTheSameGraphAsOneLoad(int killAtOneIn)
    {
        const int papers = 5_000;
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory();
        var corpus = temp.File("corpus.jsonl");
        await SyntheticCorpus.WriteAsync(corpus, new GeneratorOptions { Papers = papers, RefsPerPaper = 4, Seed = 7 }, ct);
        var killedDb = temp.File("killed.db");

        // The same test assembly, running only the worker test, with the worker variables set.
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(SyntheticCorpusTests).Assembly.Location);
        start.ArgumentList.Add("-method"); // xunit v3 in-process runner option (the assembly run directly, not under dotnet test)
        start.ArgumentList.Add($"{typeof(SyntheticCorpusTests).FullName}.{nameof(Generate_ThenLoad_EveryPaperAndCitationArrives)}");
        start.Environment[WorkerDbVariable] = killedDb;
        start.Environment[WorkerInputVariable] = corpus;
        using var child = Process.Start(start)!;
        child.OutputDataReceived += (_, _) => { };
        child.ErrorDataReceived += (_, _) => { };
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();

        long seen = 0;
        var clock = Stopwatch.StartNew();
        // Killed at a different point of the load each run: after a tenth, a quarter, half of the papers.
        while (seen < papers / killAtOneIn && !child.HasExited && clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(15, ct);
            seen = await PaperCountAsync(killedDb);
        }

        Assert.False(child.HasExited, $"the worker finished (or failed, exit code {(child.HasExited ? child.ExitCode : 0)}) before it could be killed; {seen} papers seen");
        child.Kill(entireProcessTree: true); // SIGKILL: no finally blocks, no disposal, no commit of the batch in flight.
        await child.WaitForExitAsync(ct);
        var survived = await PaperCountAsync(killedDb);
        output.WriteLine($"killed after {clock.Elapsed.TotalSeconds:F1} s with {survived} of {papers} papers committed");
        Assert.InRange(survived, 1, papers - 1);
        Assert.Equal(0, survived % WorkerBatchSize);
        Assert.Equal("ok", await IntegrityAsync(killedDb));
        Assert.Null(await CitesIndexAsync(killedDb)); // killed inside the bulk load, before the index came back

        var rerun = await LoadAsync(killedDb, corpus, WorkerBatchSize, ct, bulk: true);
        await LoadAsync(temp.File("clean.db"), corpus, WorkerBatchSize, ct, bulk: true);

        Assert.Equal(papers, rerun.PapersInStore);
        Assert.Equal(survived, rerun.Merged);
        Assert.Equal(await StoreDump.DumpAsync(temp.File("clean.db")), await StoreDump.DumpAsync(killedDb));
        Assert.Equal("ok", await IntegrityAsync(killedDb));
        Assert.Equal(await CitesIndexAsync(temp.File("clean.db")), await CitesIndexAsync(killedDb));
        Assert.NotNull(await CitesIndexAsync(killedDb));
        Assert.Equal(await StoreDump.SchemaAsync(temp.File("clean.db")), await StoreDump.SchemaAsync(killedDb));
        Assert.Equal("ok", await StoreDump.SearchIndexCheckAsync(killedDb));
    }

    private static async Task<string?> CitesIndexAsync(string db)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'cites_dst';";
        return await command.ExecuteScalarAsync() as string;
    }

    private static async Task<string> IntegrityAsync(string db)
    {
        // A fresh, unpooled connection: the check reads the file as it is, not state cached by an earlier connection.
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> PaperCountAsync(string db)
    {
        if (!File.Exists(db))
        {
            return 0;
        }

        try
        {
            return await StoreDump.ScalarAsync(db, "SELECT COUNT(*) FROM paper");
        }
        catch (SqliteException)
        {
            return 0; // Not created or migrated yet.
        }
    }
}
