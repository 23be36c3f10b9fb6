using CiteGraph.Graph.Analytics;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Demo;
using CiteGraph.Loaders.Ingest;

namespace CiteGraph.Host.Tests;

/// <summary>
/// The demo corpus with a small citation structure among its papers (a chain, a branch, an inferred citation with
/// evidence) and analytics run over it, so nodes have PageRank and communities: what the explorer and exports show.
/// </summary>
internal static class ExplorerCorpus
{
    /// <summary>Prepares <paramref name="path"/> and returns the paper ids in load order.</summary>
    public static async Task<IReadOnlyList<string>> PrepareAsync(string path)
    {
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        // Without the derive pass, the only citations are the ones this fixture writes.
        await new Ingestor(store).LoadAsync(DemoCorpus.Files);
        var page = await store.QueryPapersAsync(new PaperQuery(new PaperFilter(), 100));
        var ids = page.Items.Select(i => i.Paper.Id).ToList();
        // 1 → 0, 2 → 1, 3 → 2 (a chain), 4 → 0 inferred with evidence, 5 → 3, 6 → 5, 6 → 4, 7 → 1.
        await store.UpsertCitationsAsync(
        [
            new Citation(ids[1], ids[0], CitationKind.Explicit),
            new Citation(ids[2], ids[1], CitationKind.Explicit),
            new Citation(ids[3], ids[2], CitationKind.Explicit),
            new Citation(ids[4], ids[0], CitationKind.Inferred, 0.8, "sparse lattice attention (SLA)"),
            new Citation(ids[5], ids[3], CitationKind.Explicit),
            new Citation(ids[6], ids[5], CitationKind.Explicit),
            new Citation(ids[6], ids[4], CitationKind.Explicit),
            new Citation(ids[7], ids[1], CitationKind.Explicit),
        ]);
        await new AnalyticsRunner(store).RunAsync(new AnalyticsRequest());
        return ids;
    }
}

/// <summary>The explorer corpus served through the test host, with an API key configured.</summary>
public sealed class ExportServer : PreparedServerFactory, IAsyncLifetime
{
    public const string ApiKey = "export-key-3f9a";

    public ExportServer() => Set("CiteGraph:ApiKey", ApiKey);

    public IReadOnlyList<string> Ids { get; private set; } = [];

    public async ValueTask InitializeAsync() => Ids = await ExplorerCorpus.PrepareAsync(DatabasePath);
}
