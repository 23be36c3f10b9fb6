using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Demo;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Tests;
using CiteGraph.Loaders.Derive;

namespace CiteGraph.Host.Tests;

/// <summary>The demo corpus plus a small citation structure among its papers, served over HTTP.</summary>
public sealed class DemoWithCitationsServer : PreparedServerFactory, IAsyncLifetime
{
    /// <summary>Paper ids in load order.</summary>
    public IReadOnlyList<string> Ids { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = DatabasePath });
        // Without the derive pass, the only citations are the ones this fixture writes.
        await new Ingestor(store).LoadAsync(DemoCorpus.Files);
        var page = await store.QueryPapersAsync(new PaperQuery(new PaperFilter(), 100));
        Ids = page.Items.Select(i => i.Paper.Id).ToList();
        // 1 → 0, 2 → 1, 3 → 2 (a chain), 4 → 0 inferred with evidence, 5 → 3.
        await store.UpsertCitationsAsync(
        [
            new Citation(Ids[1], Ids[0], CitationKind.Explicit),
            new Citation(Ids[2], Ids[1], CitationKind.Explicit),
            new Citation(Ids[3], Ids[2], CitationKind.Explicit),
            new Citation(Ids[4], Ids[0], CitationKind.Inferred, 0.8, "sparse lattice attention (SLA)"),
            new Citation(Ids[5], Ids[3], CitationKind.Explicit),
        ]);
    }
}

/// <summary>The real Cora citation graph from ../shared/data (skipped with a reason when absent), served over HTTP.</summary>
public sealed class CoraServer : PreparedServerFactory, IAsyncLifetime
{
    public bool Available { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var path = Path.GetFullPath(Path.Combine(SharedData.RepoRoot, "..", "shared", "data", "cora", "cora.cites"));
        if (!File.Exists(path))
        {
            return;
        }

        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = DatabasePath });
        var report = await new Ingestor(store).LoadAsync([InputFile.FromPath(path)]);
        report = await DeriveStage.AfterLoadAsync(store, report);
        Available = report.Loaded > 0;
    }

    public void RequireData()
    {
        if (!Available)
        {
            Assert.Skip("../shared/data/cora/cora.cites is not beside the repository; the Cora traversal tests need it.");
        }
    }
}
