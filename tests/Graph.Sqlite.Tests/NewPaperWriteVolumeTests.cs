using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Storage.Versions;
using CiteGraph.Tests;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite.Tests;

/// <summary>
/// A batch of new papers costs about the bytes it stores: the set-based writer inserts them with the paper insert triggers
/// suspended and writes their PAPER_ADDED events itself, so SQLite keeps no statement journal per row. With the triggers,
/// every paper insert copied the pages it touched into a temporary file first: 16 times the store's size in writes.
/// It runs alone (its collection is not parallelized): the counter it reads is the whole process's, and another test
/// writing a store at the same time would count in it.
/// </summary>
[Collection(nameof(WriteVolumeCollection))]
public sealed class NewPaperWriteVolumeTests : IDisposable
{
    private const int Papers = 12000;

    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    private static List<ResolvedRecord> NewPapers() =>
    [
        .. Enumerable.Range(1, Papers).Select(n => new ResolvedRecord($"W{n}", new PaperRecord
        {
            Title = $"Sparse lanterns, part {n}",
            Abstract = string.Join(' ', Enumerable.Repeat($"Lantern {n} lights the sparse lattice of part {n}.", 8)),
            ExternalIds = [new ExternalId(ExternalIdKind.OpenAlex, $"W{n}")],
            // Earlier papers only, as in a corpus in order: every record is new (a later one would be a stub, then a merge).
            References = n == 1 ? [] : [.. Enumerable.Range(1, 8).Select(k => new ExternalId(ExternalIdKind.OpenAlex, $"W{((n * 31) + (k * 97)) % (n - 1) + 1}"))],
            Authors = [$"Author {n % 40}", $"Author {(n * 7) % 40}"],
            Source = new SourceRef("works.jsonl", n, "openalex"),
        }) { ResolvedAsNew = true }),
    ];

    /// <summary>Bytes this process has passed to write(2) and pwrite(2) so far (Linux).</summary>
    private static long BytesWritten() =>
        long.Parse(File.ReadLines("/proc/self/io").First(l => l.StartsWith("wchar:", StringComparison.Ordinal))["wchar:".Length..].Trim(),
            System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_batch_of_new_papers_writes_a_small_multiple_of_what_it_stores_and_logs_each_paper_once_in_order()
    {
        if (!File.Exists("/proc/self/io"))
        {
            Assert.Skip("/proc/self/io is missing (not Linux): the test counts the bytes this process writes.");
        }

        var path = _dir.File("fresh.db");
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        await store.InitializeAsync(Ct);
        var batch = NewPapers();
        long stored, written;
        using (var run = VersionRun.Begin(VersionKind.Load))
        {
            await using (await store.BeginBulkLoadAsync(Ct))
            {
                var sizeBefore = new FileInfo(path).Length;
                var before = BytesWritten();
                await store.UpsertAsync(batch, Ct);
                written = BytesWritten() - before;
                var log = new FileInfo(path + "-wal");
                stored = new FileInfo(path).Length - sizeBefore + (log.Exists ? log.Length : 0);
            }

            await store.CompleteRunAsync(run, Ct);
        }

        // The log takes each page once (1.0 times what is stored, measured; the checkpointer's copy, in this process too, can
        // add as much again). A statement journal per paper insert made it 17 times here (254 MB for 14.6 MB), once a
        // statement had spilled it to a file: it stays one until the transaction ends, which takes a batch this large.
        Assert.InRange(written, 1, stored * 4);

        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT group_concat(paper, ' ') FROM (SELECT paper FROM change_event WHERE kind = 1 ORDER BY seq)),
                   (SELECT group_concat(id, ' ') FROM (SELECT id FROM paper WHERE is_stub = 0 ORDER BY pk));
            """;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        var events = reader.GetString(0).Split(' ');
        Assert.Equal(Papers, events.Length);
        Assert.Equal(reader.GetString(1), string.Join(' ', events));
    }
}

/// <summary>Tests that read the process's own I/O counters, run with no other test beside them.</summary>
[CollectionDefinition(nameof(WriteVolumeCollection), DisableParallelization = true)]
public sealed class WriteVolumeCollection;
