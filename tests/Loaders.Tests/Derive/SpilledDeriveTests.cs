using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Derive;
using CiteGraph.Loaders.Generation;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Lineage;
using CiteGraph.Loaders.Reading;
using CiteGraph.Loaders.Tests.Support;
using CiteGraph.Tests;
using TempDirectory = CiteGraph.Tests.TempDirectory;

namespace CiteGraph.Loaders.Tests.Derive;

/// <summary>
/// The full derive pass with the cleaned texts spilled to disk (the default, so that ten million papers fit in memory)
/// writes exactly the graph the pass with every text in memory writes: topics, HAS_TOPIC, CO_TOPIC, CO_OCCURS and the
/// inferred citations with their evidence, row for row.
/// </summary>
public sealed class SpilledDeriveTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Generated_corpus_derived_with_spilled_texts_equals_the_pass_with_texts_in_memory()
    {
        var corpus = _dir.Write("generated.jsonl", string.Join('\n', SyntheticCorpus.Lines(new GeneratorOptions { Papers = 3_000, RefsPerPaper = 3, Seed = 23 })));

        var (inMemory, spilled) = await DeriveBothWaysAsync([corpus]);

        Assert.Equal(inMemory.Dump, spilled.Dump);
        Assert.True(spilled.Report.HasTopic > 0, "the generated corpus has topics");
        Assert.Equal(inMemory.Report with { Elapsed = default }, spilled.Report with { Elapsed = default });
    }

    [Fact]
    public async Task Seed_listings_derived_with_spilled_texts_keep_every_inferred_citation_and_its_evidence()
    {
        var files = new[] { SharedData.Require("seeds/listing-daily-b.txt"), SharedData.Require("seeds/listing-search-c.txt") };

        var (inMemory, spilled) = await DeriveBothWaysAsync(files);

        Assert.True(spilled.Report.InferredCitations > 0, "the seeds infer citations (evidence read from the spilled texts)");
        Assert.Equal(inMemory.Report.InferredCitations, spilled.Report.InferredCitations);
        Assert.Equal(inMemory.Dump, spilled.Dump);
    }

    [Fact]
    public void Spilled_texts_read_back_as_written_in_any_order_and_leave_no_file_behind()
    {
        var folder = _dir.File("spill");
        string[] texts = ["plain ascii", "", "ümlaut — dash, 数学", new string('x', 5_000), "last"];
        var indexes = new List<int>();
        using (var spilled = new SpilledTexts(folder))
        {
            foreach (var text in texts)
            {
                indexes.Add(spilled.Append(text));
            }

            Assert.Equal([0, 1, 2, 3, 4], indexes);
            // On Unix the file has no name while open (a killed derive leaves nothing behind); Windows deletes on close.
            Assert.Equal(OperatingSystem.IsWindows() ? 1 : 0, Directory.GetFiles(folder).Length);
            foreach (var i in new[] { 3, 0, 4, 2, 2, 1 })
            {
                Assert.Equal(texts[i], spilled.Read(i));
            }

            // Appends after reads are read back too (the write buffer is flushed before a read).
            var late = spilled.Append("appended after reading");
            Assert.Equal("appended after reading", spilled.Read(late));
            Assert.Equal(texts[4], spilled.Read(4));
        }

        Assert.Empty(Directory.GetFiles(folder));
    }

    private async Task<((string Dump, DeriveReport Report) InMemory, (string Dump, DeriveReport Report) Spilled)> DeriveBothWaysAsync(string[] files)
    {
        async Task<(string, DeriveReport)> RunAsync(string name, DeriveOptions options)
        {
            var path = _dir.File(name);
            await using (var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path }))
            {
                await new Ingestor(store).LoadAsync(files.Select(InputFile.FromPath).ToList(), cancellationToken: Ct);
                var report = await DeriveStage.RunAsync(store, options, cancellationToken: Ct);
                return (await StoreDump.DumpAsync(path), report);
            }
        }

        var inMemory = await RunAsync("memory.db", new DeriveOptions { SpillTexts = false });
        var spilled = await RunAsync("spilled.db", new DeriveOptions { SpillTexts = true, SpillDirectory = _dir.File("texts") });
        Assert.Empty(Directory.GetFiles(_dir.File("texts")));
        return (inMemory, spilled);
    }
}
