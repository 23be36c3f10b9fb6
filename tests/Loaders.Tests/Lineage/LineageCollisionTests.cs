using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Lineage;
using CiteGraph.Loaders.Tests.Support;
using TempDirectory = CiteGraph.Tests.TempDirectory;

namespace CiteGraph.Loaders.Tests.Lineage;

/// <summary>The Hugging Face corpus (API and scraped daily listings) loaded once, derive pass included.</summary>
public sealed class HuggingFaceCorpusFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();

    /// <summary>The loaded store, or null when ../shared is absent.</summary>
    public SqliteGraphStore? Store { get; private set; }

    /// <summary>Every paper's text, to find papers by what they say.</summary>
    public List<PaperText> Papers { get; } = [];

    public async ValueTask InitializeAsync()
    {
        if (HuggingFaceCorpus.Files() is not { } files)
        {
            return;
        }

        Store = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("hf.db") });
        await Loading.LoadAndDeriveAsync(Store, files, cancellationToken: TestContext.Current.CancellationToken);
        await foreach (var paper in Store.ReadPaperTextsAsync(TestContext.Current.CancellationToken))
        {
            Papers.Add(paper);
        }
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
/// The acronym collisions issue 15 found on the Hugging Face corpus, found again by content: each must be gone while
/// a legitimate citation of the same rule stays.
/// </summary>
[Trait("Category", "RealData")]
public sealed class LineageCollisionTests(HuggingFaceCorpusFixture corpus) : IClassFixture<HuggingFaceCorpusFixture>
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

    private static bool Says(PaperText paper, string words) => HuggingFaceCorpus.Says(paper, words);

    private Task<IReadOnlyList<CitationLink>> InferredCitersAsync(string paperId) => HuggingFaceCorpus.InferredCitersAsync(Store, paperId, Ct);

    [Fact]
    public async Task A_Koopman_paper_using_DMD_for_dynamic_mode_decomposition_does_not_cite_a_music_distillation_paper()
    {
        RequireCorpus();
        var presto = Find(p => p.Title.StartsWith("Presto!", StringComparison.Ordinal) && Says(p, "distribution matching distillation (DMD)"), "introducing Presto!");
        var koopmanPapers = corpus.Papers.Where(p => Says(p, "Koopman") && Says(p, "DMD")).Select(p => p.Id).ToHashSet();

        var citers = await InferredCitersAsync(presto.Id);

        Assert.NotEmpty(koopmanPapers);
        Assert.DoesNotContain(citers, c => koopmanPapers.Contains(c.Paper.Id));
        Assert.DoesNotContain(citers, c => Says(corpus.Papers.First(p => p.Id == c.Paper.Id), "dynamic mode decomposition"));
        // Presto distills with DMD; it did not coin it, and 25 later DMD papers no longer "cite" it for the acronym.
        Assert.True(citers.Count(c => c.Evidence?.Contains("DMD", StringComparison.Ordinal) == true) < 5, string.Join("\n", citers.Select(c => c.Evidence)));
    }

    [Fact]
    public async Task DCT_spectral_mixing_is_not_credited_to_distribution_conditioned_transport()
    {
        RequireCorpus();
        var dct = Find(p => p.Title == "Distribution-Conditioned Transport", "titled Distribution-Conditioned Transport");
        var spectral = Find(p => Says(p, "DCT spectral mixing"), "writing 'DCT spectral mixing'");

        var citers = await InferredCitersAsync(dct.Id);

        Assert.DoesNotContain(citers, c => c.Paper.Id == spectral.Id);
        Assert.DoesNotContain(citers, c => !Says(corpus.Papers.First(p => p.Id == c.Paper.Id), "transport"));
    }

    [Fact]
    public async Task The_word_code_is_not_credited_to_confident_ordinary_differential_editing()
    {
        RequireCorpus();
        var code = Find(p => p.Title.StartsWith("CODE: Confident Ordinary Differential Editing", StringComparison.Ordinal), "titled CODE");

        var citers = await InferredCitersAsync(code.Id);

        Assert.DoesNotContain(citers, c => !Says(corpus.Papers.First(p => p.Id == c.Paper.Id), "differential editing"));
    }

    [Fact]
    public async Task A_name_its_paper_coined_is_still_credited_to_it_by_the_same_rule()
    {
        RequireCorpus();
        // SageAttention named itself; SageAttention2 builds on it and says so ("SageAttention utilizes 8-bit …").
        var sage = Find(p => p.Title.StartsWith("SageAttention:", StringComparison.Ordinal), "titled SageAttention");
        var sage2 = Find(p => p.Title.StartsWith("SageAttention2 Technical Report", StringComparison.Ordinal), "titled SageAttention2 Technical Report");

        var citers = await InferredCitersAsync(sage.Id);

        var link = Assert.Single(citers, c => c.Paper.Id == sage2.Id);
        Assert.StartsWith("method:", link.Evidence, StringComparison.Ordinal);
        Assert.Contains("SageAttention", link.Evidence, StringComparison.Ordinal);
        Assert.True(link.Confidence >= LineageCalibration.DefaultThreshold, $"confidence {link.Confidence}");
    }
}
