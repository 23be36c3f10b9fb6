using CiteGraph.Embeddings;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Derive;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Lineage;
using TempDirectory = CiteGraph.Tests.TempDirectory;

namespace CiteGraph.Loaders.Tests.Lineage;

/// <summary>
/// The Hugging Face corpus loaded into its own store, with real all-MiniLM-L6-v2 vectors for only the papers the
/// embedding-path tests look at (Presto!, every paper writing DMD or distribution matching distillation, the two
/// SageAttention papers): seconds of embedding instead of the 11,011 papers, then the derive pass, which reads them.
/// </summary>
public sealed class HuggingFaceEmbeddedSubsetFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();

    /// <summary>The loaded and derived store, or null when ../shared is absent.</summary>
    public SqliteGraphStore? Store { get; private set; }

    /// <summary>Every paper's text.</summary>
    public List<PaperText> Papers { get; } = [];

    /// <summary>The ids of the papers that were given a vector.</summary>
    public HashSet<string> Embedded { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether a paper is one of those embedded here.</summary>
    public static bool Selected(PaperText paper) =>
        paper.Title.StartsWith("Presto!", StringComparison.Ordinal) || paper.Title.StartsWith("SageAttention", StringComparison.Ordinal) ||
        (paper.Title + " " + paper.Abstract).Contains("DMD", StringComparison.Ordinal) ||
        (paper.Title + " " + paper.Abstract).Contains("distribution matching distillation", StringComparison.OrdinalIgnoreCase);

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        if (HuggingFaceCorpus.Files() is not { } files)
        {
            return;
        }

        Store = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("hf.db") });
        await new Ingestor(Store).LoadAsync(files, cancellationToken: ct);
        await foreach (var paper in Store.ReadPaperTextsAsync(ct))
        {
            Papers.Add(paper);
        }

        var chosen = Papers.Where(Selected).ToList();
        var texts = chosen.Select(p => EmbeddingText.Of(p.Title, p.Abstract)).ToList();
        using (var model = new MiniLmEmbedder())
        {
            var vectors = model.Embed(texts, ct);
            await Store.WriteVectorsAsync([.. chosen.Select((p, i) => new PaperVector(p.Id, EmbeddingText.Hash(texts[i]), vectors[i]))], ct);
        }

        Embedded.UnionWith(chosen.Select(p => p.Id));
        await new TopicsAndLineage(Store).RunAsync(cancellationToken: ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (Store is not null)
        {
            await Store.DisposeAsync();
        }

        _dir.Dispose();
    }
}

/// <summary>
/// The introducer check on the embedding path: there the same-subject gate reads the sentence embeddings, and a
/// paper that uses a name in the same sense as its users (Presto! distills with DMD) passes it; only the introducer
/// check can keep the name from being credited to it.
/// </summary>
[Trait("Category", "RealData")]
public sealed class LineageEmbeddingCollisionTests(HuggingFaceEmbeddedSubsetFixture corpus) : IClassFixture<HuggingFaceEmbeddedSubsetFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IGraphStore Store => corpus.Store ?? throw new InvalidOperationException();

    private void RequireCorpus()
    {
        if (corpus.Store is null)
        {
            Assert.Skip(HuggingFaceCorpus.SkipReason);
        }
    }

    private PaperText Find(Func<PaperText, bool> what, string description) => HuggingFaceCorpus.Find(corpus.Papers, what, description);

    private Task<IReadOnlyList<CitationLink>> InferredCitersAsync(string paperId) => HuggingFaceCorpus.InferredCitersAsync(Store, paperId, Ct);

    [Fact]
    public async Task Distillation_papers_writing_DMD_do_not_credit_it_to_Presto_which_only_used_it()
    {
        RequireCorpus();
        var presto = Find(p => p.Title.StartsWith("Presto!", StringComparison.Ordinal), "titled Presto!");
        var distillers = corpus.Papers.Where(p => p.Id != presto.Id && corpus.Embedded.Contains(p.Id) &&
            (p.Title + " " + p.Abstract).Contains("distribution matching distillation", StringComparison.OrdinalIgnoreCase)).ToList();

        var citers = await InferredCitersAsync(presto.Id);

        // The papers that would have credited it are there and embedded: the gate below them reads vectors, not words.
        Assert.True(distillers.Count >= 10, $"{distillers.Count} embedded distillation papers");
        Assert.Contains(presto.Id, corpus.Embedded);
        Assert.DoesNotContain(citers, c => c.Evidence?.StartsWith("method:", StringComparison.Ordinal) == true &&
            (c.Evidence.Contains("DMD", StringComparison.Ordinal) || c.Evidence.Contains("istribution matching", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(citers, c => distillers.Any(d => d.Id == c.Paper.Id) && c.Evidence?.StartsWith("method:", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_name_its_paper_coined_is_still_credited_on_the_embedding_path()
    {
        RequireCorpus();
        var sage = Find(p => p.Title.StartsWith("SageAttention:", StringComparison.Ordinal), "titled SageAttention");
        var sage2 = Find(p => p.Title.StartsWith("SageAttention2 Technical Report", StringComparison.Ordinal), "titled SageAttention2 Technical Report");

        var citers = await InferredCitersAsync(sage.Id);

        var link = Assert.Single(citers, c => c.Paper.Id == sage2.Id);
        Assert.StartsWith("method:", link.Evidence, StringComparison.Ordinal);
        Assert.Contains("embedding similarity", link.Evidence, StringComparison.Ordinal);
        Assert.True(link.Confidence >= LineageCalibration.DefaultThreshold, $"confidence {link.Confidence}");
    }
}
