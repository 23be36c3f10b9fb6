using CiteGraph.Graph.Analytics;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Derive;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Tests;

namespace CiteGraph.Host.Tests;

/// <summary>
/// The Hugging Face daily papers (../shared/data/hf-daily-papers-api, 9,877 papers) loaded, derived without sentence
/// embeddings and analyzed once per test class, served by the real web host on Kestrel at a free loopback port: the
/// corpus a researcher would explore. <see cref="Missing"/> says why when ../shared is not there.
/// </summary>
public sealed class HfExplorerServer : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private LoopbackWebHost? _host;

    /// <summary>Why the corpus is not there (the tests skip with it), or null.</summary>
    public string? Missing { get; private set; }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public async ValueTask InitializeAsync()
    {
        var daily = Path.GetFullPath(Path.Combine(SharedData.RepoRoot, "..", "shared", "data", "hf-daily-papers-api", "daily"));
        if (!Directory.Exists(daily))
        {
            Missing = $"{daily} is not present beside the repository; the explorer tests on the Hugging Face corpus need it.";
            return;
        }

        if (!File.Exists(HeadlessChromium.Executable))
        {
            // Nothing to drive the page with: do not spend a minute loading the corpus.
            Missing = $"{HeadlessChromium.Executable} is not installed (apt-get install chromium; .ci/run does it); the browser test needs it.";
            return;
        }

        var db = _dir.File("hf.db");
        var ct = TestContext.Current.CancellationToken;
        await using (var store = new SqliteGraphStore(new SqliteStoreOptions { Path = db }))
        {
            var files = Directory.GetFiles(daily, "*.json").Order(StringComparer.Ordinal).Select(InputFile.FromPath).ToList();
            await new Ingestor(store, new IngestOptions { BatchSize = 5000 }).LoadAsync(files, cancellationToken: ct);
            await DeriveStage.RunAsync(store, new DeriveOptions { Embed = false }, cancellationToken: ct);
            await new AnalyticsRunner(store).RunAsync(new AnalyticsRequest(), cancellationToken: ct);
        }

        // As `citegraph serve` runs it: the start page's overview answered once at start-up.
        _host = await LoopbackWebHost.StartAsync(db, "--CiteGraph:WarmUpStartPage=true");
        BaseAddress = _host.Address;
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _dir.Dispose();
    }
}
