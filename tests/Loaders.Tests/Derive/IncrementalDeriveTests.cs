using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Derive;
using CiteGraph.Loaders.Generation;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Tests;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Loaders.Tests.Derive;

/// <summary>
/// A load into a derived store derives only what it wrote (issue 17, item 3), and the result is held against the full
/// pass over the same store: the derived rows of the incremental pass compared with those the full pass then writes.
/// </summary>
public sealed class IncrementalDeriveTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private SqliteGraphStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Database => _dir.File("graph.db");

    public ValueTask InitializeAsync()
    {
        _store = new SqliteGraphStore(new SqliteStoreOptions { Path = Database });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_small_load_into_a_derived_store_is_derived_incrementally_and_says_so()
    {
        var (older, newer) = SplitGenerated(1_000, 950);
        var first = await LoadAsync(older);
        Assert.Equal(DeriveMode.Full, first.Derived!.Mode);
        Assert.Contains("no full pass recorded", first.Derived.Reason, StringComparison.Ordinal);

        var second = await LoadAsync(newer);

        Assert.Equal(DeriveMode.Incremental, second.Derived!.Mode);
        Assert.Equal(50, second.Derived.Papers);
        Assert.Contains("grew 5.3% since the last full pass (950 papers", second.Derived.Reason, StringComparison.Ordinal);
        // Every new paper with a topic word the vocabulary knows has its topics, and the topics' df counts them.
        var topics = await _store.GetTopicsOfPapersAsync(second.Papers, Ct);
        Assert.True(topics.Count >= 45, $"{topics.Count} of 50 new papers have topics");
        var df = (await _store.ReadTopicsAsync(Ct)).Sum(t => t.Df);
        Assert.Equal(await CountAsync("SELECT COUNT(*) FROM has_topic"), df);
        // The full pass is recorded by a full pass only: still the first load's corpus.
        Assert.Equal(950, (await _store.ReadFullDeriveAsync(Ct))!.Papers);
    }

    [Fact]
    public async Task A_load_growing_the_corpus_past_the_threshold_runs_the_full_pass_and_records_it()
    {
        var (older, newer) = SplitGenerated(1_000, 800);
        await LoadAsync(older);

        var second = await LoadAsync(newer);

        Assert.Equal(DeriveMode.Full, second.Derived!.Mode);
        Assert.Contains("more than 10%", second.Derived.Reason, StringComparison.Ordinal);
        Assert.Equal(1_000, (await _store.ReadFullDeriveAsync(Ct))!.Papers);
    }

    [Fact]
    public async Task On_a_generated_corpus_the_incremental_topic_layer_matches_the_full_pass_on_the_new_papers()
    {
        var (older, newer) = SplitGenerated(6_000, 5_700);
        await LoadAsync(older);
        var load = await LoadAsync(newer);
        Assert.Equal(DeriveMode.Incremental, load.Derived!.Mode);
        var mine = load.Papers.ToHashSet(StringComparer.Ordinal);
        var incremental = await DerivedAsync(mine);

        await DeriveStage.RunAsync(_store, cancellationToken: Ct);
        var full = await DerivedAsync(mine);

        var hasTopic = Agreement(incremental.HasTopic, full.HasTopic);
        var coTopic = Agreement(incremental.CoTopic, full.CoTopic);
        output.WriteLine($"new papers: {mine.Count}; HAS_TOPIC of new papers: {hasTopic}; CO_TOPIC rows touching them: {coTopic}");
        // The bounds leave room for the idf drift of the papers added since the last full pass (measured: bench/RESULTS.md).
        Assert.True(hasTopic.Recall >= 0.95 && hasTopic.Precision >= 0.95, $"HAS_TOPIC {hasTopic}");
        Assert.True(coTopic.Recall >= 0.7 && coTopic.Precision >= 0.7, $"CO_TOPIC {coTopic}");
    }

    [Fact]
    public async Task On_real_papers_the_incremental_lineage_finds_what_the_full_pass_finds_for_the_later_papers()
    {
        var folder = SharedData.Require("data/neurips-icml-citations");
        var lines = File.ReadAllLines(Path.Combine(folder, "papers.jsonl"));
        var split = lines.Length * 95 / 100;
        var older = _dir.Write("older.jsonl", string.Join('\n', lines[..split]));
        var newer = _dir.Write("newer.jsonl", string.Join('\n', lines[split..]));
        await LoadAsync(older);
        var load = await LoadAsync(newer);
        Assert.Equal(DeriveMode.Incremental, load.Derived!.Mode);
        var mine = load.Papers.ToHashSet(StringComparer.Ordinal);
        var incremental = await DerivedAsync(mine);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await DeriveStage.RunAsync(_store, cancellationToken: Ct);
        var fullTime = clock.Elapsed;
        var full = await DerivedAsync(mine);

        var inferred = Agreement(incremental.Inferred, full.Inferred);
        var hasTopic = Agreement(incremental.HasTopic, full.HasTopic);
        var coTopic = Agreement(incremental.CoTopic, full.CoTopic);
        output.WriteLine(
            $"{mine.Count} new papers, incremental derive {load.Derived.Elapsed.TotalSeconds:F2}s, full pass {fullTime.TotalSeconds:F2}s; " +
            $"inferred CITES touching them: {inferred}; HAS_TOPIC: {hasTopic}; CO_TOPIC: {coTopic}");
        Assert.True(full.Inferred.Count > 0, "the full pass infers citations touching the later papers");
        // Measured: inferred 0.89 / 0.89, HAS_TOPIC 0.76 / 0.89 (a phrase one new paper writes becomes a topic only when a
        // full pass counts the older papers writing it too; inherited head words are ranked by the stored df, the full pass
        // by its own count, which moves a few of the three kept), CO_TOPIC 0.81 / 0.66 (see bench/RESULTS.md).
        Assert.True(inferred.Recall >= 0.7 && inferred.Precision >= 0.7, $"inferred {inferred}");
        Assert.True(hasTopic.Recall >= 0.7 && hasTopic.Precision >= 0.85, $"HAS_TOPIC {hasTopic}");
        Assert.True(coTopic.Recall >= 0.7 && coTopic.Precision >= 0.5, $"CO_TOPIC {coTopic}");
    }

    private (string Older, string Newer) SplitGenerated(int papers, int first)
    {
        var lines = SyntheticCorpus.Lines(new GeneratorOptions { Papers = papers, RefsPerPaper = 3, Seed = 17 }).ToArray();
        return (_dir.Write("older.jsonl", string.Join('\n', lines[..first])), _dir.Write("newer.jsonl", string.Join('\n', lines[first..])));
    }

    private async Task<LoadReport> LoadAsync(string path)
    {
        var report = await new Ingestor(_store).LoadAsync([InputFile.FromPath(path)], cancellationToken: Ct);
        return await DeriveStage.AfterLoadAsync(_store, report, new DeriveOptions(), cancellationToken: Ct);
    }

    /// <summary>The derived rows with one of <paramref name="papers"/> on either side.</summary>
    private async Task<(HashSet<string> HasTopic, HashSet<string> CoTopic, HashSet<string> Inferred)> DerivedAsync(HashSet<string> papers) =>
        (await RowsAsync("SELECT p.id, t.name FROM has_topic h JOIN paper p ON p.pk = h.paper_pk JOIN topic t ON t.pk = h.topic_pk", papers),
         await RowsAsync("SELECT a.id, b.id FROM co_topic c JOIN paper a ON a.pk = c.paper_pk JOIN paper b ON b.pk = c.other_pk", papers),
         await RowsAsync("SELECT a.id, b.id FROM cites c JOIN paper a ON a.pk = c.src_pk JOIN paper b ON b.pk = c.dst_pk WHERE c.kind = 1", papers));

    private async Task<HashSet<string>> RowsAsync(string sql, HashSet<string> papers)
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            var (a, b) = (reader.GetString(0), reader.GetString(1));
            if (papers.Contains(a) || papers.Contains(b))
            {
                rows.Add(a + " " + b);
            }
        }

        return rows;
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    /// <summary>Share of the full pass's rows the incremental pass has (recall) and of its rows the full pass has (precision).</summary>
    private static (double Recall, double Precision, int Incremental, int Full) Agreement(HashSet<string> incremental, HashSet<string> full)
    {
        var common = incremental.Count(full.Contains);
        return (full.Count == 0 ? 1 : (double)common / full.Count, incremental.Count == 0 ? 1 : (double)common / incremental.Count, incremental.Count, full.Count);
    }
}
