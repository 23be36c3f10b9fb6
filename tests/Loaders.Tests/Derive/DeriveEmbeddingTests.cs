using System.Numerics.Tensors;
using CiteGraph.Embeddings;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Demo;
using CiteGraph.Loaders.Derive;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Lineage;
using TempDirectory = CiteGraph.Tests.TempDirectory;

namespace CiteGraph.Loaders.Tests.Derive;

/// <summary>The embedding stage of the derive pass on a real SQLite file and the real model: incremental, and never fatal.</summary>
public sealed class DeriveEmbeddingTests(CountingEmbedder model) : IClassFixture<CountingEmbedder>, IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private SqliteGraphStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("graph.db") });
        await new Ingestor(_store).LoadAsync(DemoCorpus.Files, cancellationToken: Ct);
        model.Reset();
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    private DeriveOptions Embedding => new() { Embed = true, Embedder = () => model, EmbedBatchSize = 4 };

    [Fact]
    public async Task The_first_pass_embeds_every_paper_and_a_rerun_with_nothing_new_embeds_nothing()
    {
        var progress = new List<DeriveProgress>();
        var first = await new TopicsAndLineage(_store, Embedding).RunAsync(new SynchronousProgressList(progress), Ct);
        var papers = first.Papers;
        var stored = await _store.ReadVectorsAsync(Ct).ToListAsync(Ct);

        Assert.Equal((papers, 0, papers), (first.Embedded, first.EmbeddingsCurrent, model.Embedded));
        Assert.Equal(papers, stored.Count);
        Assert.All(stored, v => Assert.Equal(1f, TensorPrimitives.Norm(v.Vector), 1e-3f));
        // Progress per batch of 4, each with the time left, the last with none left.
        var embedding = progress.Where(p => p.Stage == "embedding").ToList();
        Assert.Equal((papers + 3) / 4, embedding.Count);
        Assert.All(embedding, p => Assert.NotNull(p.Remaining));
        Assert.Equal((papers, TimeSpan.Zero), (embedding[^1].Done, embedding[^1].Remaining!.Value));

        model.Reset();
        var again = await new TopicsAndLineage(_store, Embedding).RunAsync(cancellationToken: Ct);

        Assert.Equal((0, papers, 0), (again.Embedded, again.EmbeddingsCurrent, model.Embedded));
    }

    [Fact]
    public async Task A_paper_whose_abstract_changed_is_the_only_one_embedded_again()
    {
        await new TopicsAndLineage(_store, Embedding).RunAsync(cancellationToken: Ct);
        var before = (await _store.ReadVectorsAsync(Ct).ToListAsync(Ct)).ToDictionary(v => v.PaperId);
        var paper = (await _store.SearchAsync("Tidepool tabular", 1, Ct))[0].Paper;
        // A longer abstract from another source: the merge keeps the more complete text.
        var longer = new PaperRecord
        {
            Title = paper.Title,
            Abstract = paper.Abstract + " We add a second release with twelve more tasks drawn from energy and retail forecasting.",
            Source = new SourceRef("update.txt", 1, "test"),
        };
        await _store.UpsertAsync([new ResolvedRecord(paper.Id, longer)], Ct);
        model.Reset();

        var report = await new TopicsAndLineage(_store, Embedding).RunAsync(cancellationToken: Ct);
        var after = (await _store.ReadVectorsAsync(Ct).ToListAsync(Ct)).ToDictionary(v => v.PaperId);

        Assert.Equal((1, 1), (report.Embedded, model.Embedded));
        Assert.NotEqual(before[paper.Id].TextHash, after[paper.Id].TextHash);
        Assert.All(after.Keys.Where(id => id != paper.Id), id => Assert.Equal(before[id].TextHash, after[id].TextHash));
    }

    [Fact]
    public async Task When_the_model_cannot_load_derive_still_writes_topics_and_says_why()
    {
        var options = new DeriveOptions { Embed = true, Embedder = () => throw new EmbedderUnavailableException("no ONNX Runtime for this platform") };

        var report = await new TopicsAndLineage(_store, options).RunAsync(cancellationToken: Ct);

        Assert.Equal("no ONNX Runtime for this platform", report.EmbeddingSkipped);
        Assert.Equal(0, report.Embedded);
        Assert.True(report.Topics > 0);
        Assert.Empty(await _store.ReadVectorHashesAsync(Ct));
    }

    [Fact]
    public async Task With_embedding_off_no_model_is_asked_and_no_vector_is_written()
    {
        var report = await new TopicsAndLineage(_store, new DeriveOptions { Embedder = () => model }).RunAsync(cancellationToken: Ct);

        Assert.Equal((0, null, 0), (report.Embedded, report.EmbeddingSkipped, model.Embedded));
        Assert.Empty(await _store.ReadVectorHashesAsync(Ct));
    }

    [Fact]
    public async Task Lineage_is_gated_by_the_vectors_the_same_pass_embedded_first()
    {
        var signals = _dir.File("signals.tsv");
        var report = await new TopicsAndLineage(_store, Embedding with { LineageSignalsPath = signals }).RunAsync(cancellationToken: Ct);
        var rows = (await File.ReadAllLinesAsync(signals, Ct)).Skip(1).Select(l => l.Split('\t')).ToList();
        var header = (await File.ReadAllLinesAsync(signals, Ct))[0].Split('\t');
        int Column(string name) => Array.IndexOf(header, name);

        // Every proposal was judged by the embeddings' cosine (each paper had a vector by then), and only those past
        // the rule's gate carry a confidence.
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.NotEqual("", r[Column("semantic")]));
        Assert.All(rows, r =>
        {
            var semantic = double.Parse(r[Column("semantic")], System.Globalization.CultureInfo.InvariantCulture);
            var confidence = double.Parse(r[Column("confidence")], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(semantic >= LineageCalibration.MinSemantic(r[Column("rule")]), confidence > 0);
        });
        var stored = new List<CitationLink>();
        foreach (var paper in await _store.ReadPaperTextsAsync(Ct).ToListAsync(Ct))
        {
            stored.AddRange((await _store.GetCitationsAsync(new CitationQuery(paper.Id, CitationDirection.Cites, 100, 0, CitationKind.Inferred), Ct)).Items);
        }

        Assert.Equal(report.InferredCitations, stored.Count);
        Assert.All(stored, c => Assert.Contains("[embedding similarity ", c.Evidence, StringComparison.Ordinal));
    }

    /// <summary>Collects progress synchronously (Progress&lt;T&gt; would post to the thread pool and race the assertions).</summary>
    private sealed class SynchronousProgressList(List<DeriveProgress> list) : IProgress<DeriveProgress>
    {
        public void Report(DeriveProgress value)
        {
            lock (list)
            {
                list.Add(value);
            }
        }
    }
}
