using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Tests;

namespace CiteGraph.Graph.Sqlite.Tests;

/// <summary>
/// While a bulk load runs the writer does not checkpoint; <see cref="BulkCheckpointer"/> copies the log beside it, and
/// past the log limit the writer lets the log start over between batches, so it stays about one batch long.
/// </summary>
public sealed class BulkCheckpointerTests : IDisposable
{
    private const int Batches = 10;
    private const int PapersPerBatch = 100;
    private const int ReferencesPerPaper = 10;

    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    private static List<ResolvedRecord> Batch(int batch)
    {
        var records = new List<ResolvedRecord>(PapersPerBatch);
        for (var i = 0; i < PapersPerBatch; i++)
        {
            var n = (batch * PapersPerBatch) + i;
            var record = new PaperRecord
            {
                Title = $"Sparse lanterns, part {n}",
                Abstract = string.Join(' ', Enumerable.Repeat($"Lantern {n} lights the sparse lattice of part {n}.", 12)),
                ExternalIds = [new ExternalId(ExternalIdKind.OpenAlex, $"W{n + 1}")],
                // Earlier papers (already stored) and later ones (stubs until their batch comes).
                References = [.. Enumerable.Range(1, ReferencesPerPaper).Select(k => new ExternalId(ExternalIdKind.OpenAlex, $"W{((n + (k * 37)) % (Batches * PapersPerBatch)) + 1}"))],
                Authors = [$"Author {n % 50}", $"Author {(n * 7) % 50}"],
                Source = new SourceRef("works.jsonl", n + 1, "openalex"),
            };
            records.Add(new ResolvedRecord($"W{n + 1}", record) { ResolvedAsNew = true });
        }

        return records;
    }

    private async Task<(GraphStats Stats, List<long> LogLengths)> LoadAsync(string name, bool bulk, long logLimitBytes = 1)
    {
        var path = _dir.File(name);
        var lengths = new List<long>();
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path }) { BulkLogLimitBytes = logLimitBytes };
        await store.InitializeAsync(Ct);
        await using (bulk ? await store.BeginBulkLoadAsync(Ct) : null)
        {
            for (var b = 0; b < Batches; b++)
            {
                await store.UpsertAsync(Batch(b), Ct);
                lengths.Add(new FileInfo(path + "-wal").Length);
            }
        }

        return (await store.GetStatsAsync(Ct), lengths);
    }

    [Fact]
    public async Task A_bulk_load_past_its_log_limit_keeps_the_log_about_one_batch_long_and_stores_what_a_plain_load_does()
    {
        var (bulkStats, logLengths) = await LoadAsync("bulk.db", bulk: true);
        var (plainStats, _) = await LoadAsync("plain.db", bulk: false);

        // Without the writer's automatic checkpoint, nothing else would let the log start over: it would grow with every batch
        // (to 1.9 times its middle length by the last batch, measured). Restarted, it stops at one batch's length. Measured
        // against the middle, not the first batch: the first fills no stubs and has written a third of what later ones do
        // since citations log no event rows (schema 19).
        var middle = logLengths[Batches / 2];
        Assert.All(logLengths, length => Assert.InRange(length, 1, middle * 3 / 2));
        Assert.Equal(plainStats, bulkStats);
        Assert.Equal(Batches * PapersPerBatch, bulkStats.Papers);
    }

    [Fact]
    public async Task A_bulk_load_lets_its_log_grow_to_the_limit_between_checkpoint_waits_and_cuts_the_file_back_when_it_starts_over()
    {
        // One batch's log, as the first test measures it, then a limit of three batches: the log grows for about three
        // batches, the writer waits for the copy once, and the log starts over. The file must show it (cut back to one
        // batch): the writer reads the file's length as the log's, and a file left at its longest would read as past the
        // limit after every later batch, making the writer wait for a copy each time (40 of 54 batches of a 1M load).
        var (_, oneBatchLogs) = await LoadAsync("one.db", bulk: true);
        var batch = oneBatchLogs[Batches / 2];
        var (stats, lengths) = await LoadAsync("three.db", bulk: true, logLimitBytes: 3 * batch);

        Assert.Contains(Enumerable.Range(1, Batches - 1), i => lengths[i] < lengths[i - 1]);
        Assert.All(lengths, length => Assert.InRange(length, 1, 5 * batch));
        Assert.True(lengths[^1] < 4 * batch, $"log lengths after each batch: {string.Join(", ", lengths)}");
        Assert.Equal(Batches * PapersPerBatch, stats.Papers);
    }
}
