using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Loaders.Tests.Support;
using CiteGraph.Tests;

namespace CiteGraph.Loaders.Tests.RealData;

/// <summary>
/// ../shared/data/neurips-icml-citations: 4,828 arXiv papers and references.tsv, 14,271 citations by arXiv id taken from
/// the papers' own bibliographies. Loading both, in either order, must store exactly those citations between those papers.
/// </summary>
[Trait("Category", "RealData")]
public class NeuripsReferencesTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Load_PapersAndReferencesInEitherOrder_StoresEveryReferencePairAndNoStub(bool referencesFirst)
    {
        var folder = TestFiles.SharedData("neurips-icml-citations");
        var papers = InputFile.FromPath(Path.Combine(folder, "papers.jsonl"));
        var references = InputFile.FromPath(Path.Combine(folder, "references.tsv"));
        var truth = File.ReadLines(references.Name).Where(l => l.Length > 0).Select(l => l.Trim()).ToList();
        using var temp = new TempDirectory();
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = temp.File("n.db") });

        var report = await new Ingestor(store)
            .LoadAsync(referencesFirst ? [references, papers] : [papers, references], cancellationToken: TestContext.Current.CancellationToken);

        output.WriteLine($"{(referencesFirst ? "references first" : "papers first")}: {report.PapersInStore} papers, " +
                         $"{report.CitationsAdded} citations added, {report.Rejected} rejected in {report.Elapsed.TotalSeconds:F1} s");
        var stored = await StoreDump.ExplicitCitationsAsync(store.DatabasePath);
        // SOURCE.md: 14,271 pairs, both ends of each among the 4,828 papers.
        Assert.Equal(14_271, truth.Count);
        Assert.Equal(truth.Count, stored.Count);
        Assert.Equal(truth.ToHashSet(StringComparer.Ordinal), stored.ToHashSet(StringComparer.Ordinal));
        Assert.Contains("1106.0800\t1006.0868", stored);
        Assert.Equal(14_271, report.CitationsAdded);
        Assert.Equal(4_828, report.PapersInStore);
        Assert.Equal(0, report.Rejected);
        Assert.Equal(0, await StoreDump.ScalarAsync(store.DatabasePath, "SELECT COUNT(*) FROM paper WHERE is_stub = 1"));
        Assert.Equal(0, await StoreDump.ScalarAsync(store.DatabasePath, "SELECT COUNT(*) FROM paper WHERE title LIKE 'arXiv %'"));
        Assert.Equal("edgelist-arxiv-ids", report.Files.Single(f => f.Source == references.Name).Format);
    }
}
