using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Demo;
using CiteGraph.Loaders.Derive;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Tests;

namespace CiteGraph.Loaders.Tests.Derive;

/// <summary>Derivation is a stage of its own: the ingest stage writes records only, the derive stage after it adds the corpus-wide layer.</summary>
public sealed class DeriveStageTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private SqliteGraphStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _store = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("graph.db") });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task The_ingest_stage_writes_no_topics_nor_inferred_citations_and_the_derive_stage_after_it_does()
    {
        var load = await new Ingestor(_store).LoadAsync(DemoCorpus.Files, cancellationToken: Ct);
        var loaded = await _store.GetStatsAsync(Ct);

        Assert.Null(load.Derived);
        Assert.Equal(0, loaded.Topics);
        Assert.Equal(0, loaded.InferredCitations);

        var ticks = new List<IngestProgress>();
        var report = await DeriveStage.AfterLoadAsync(_store, load, progress: new ListProgress(ticks), cancellationToken: Ct);
        var derived = await _store.GetStatsAsync(Ct);

        Assert.NotNull(report.Derived);
        Assert.Equal(derived.Topics, report.Derived.Topics);
        Assert.True(derived.Topics > 0, "the demo corpus has topics");
        Assert.Equal(derived.InferredCitations, report.Derived.InferredCitations);
        Assert.Equal(derived.Citations, report.CitationsInStore);
        // What the load did is kept; the time is the load's and the pass's.
        Assert.Equal((load.Read, load.Loaded, load.New, load.Rejected, load.CitationsAdded), (report.Read, report.Loaded, report.New, report.Rejected, report.CitationsAdded));
        Assert.True(report.Elapsed >= load.Elapsed + report.Derived.Elapsed - TimeSpan.FromMilliseconds(1));
        Assert.NotEmpty(ticks);
        Assert.All(ticks, t => Assert.StartsWith("derive: ", t.Source, StringComparison.Ordinal));
        Assert.All(ticks, t => Assert.Equal((load.Read, load.Rejected), (t.Read, t.Rejected)));
    }

    [Fact]
    public async Task After_a_load_that_wrote_nothing_the_derive_stage_does_not_run()
    {
        var empty = _dir.Write("empty.txt", "");
        var load = await new Ingestor(_store).LoadAsync([InputFile.FromPath(empty)], cancellationToken: Ct);

        var report = await DeriveStage.AfterLoadAsync(_store, load, cancellationToken: Ct);

        Assert.Same(load, report);
        Assert.Null(report.Derived);
    }

    /// <summary>Records each tick on the reporting thread (Progress&lt;T&gt; would post them later).</summary>
    private sealed class ListProgress(List<IngestProgress> ticks) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => ticks.Add(value);
    }
}
