using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Tests.Lineage;

/// <summary>What the Hugging Face corpus tests share: its files in ../shared, and finding papers and their inferred citers.</summary>
internal static class HuggingFaceCorpus
{
    public const string SkipReason =
        "../shared/data/hf-daily-papers-api and hf-daily-papers-scraped are not present beside the repository; these tests need them.";

    /// <summary>The API and scraped daily listings in load order, or null when ../shared does not have them.</summary>
    public static List<InputFile>? Files()
    {
        var root = Path.GetFullPath(Path.Combine(CiteGraph.Tests.SharedData.RepoRoot, "..", "shared", "data"));
        var api = Path.Combine(root, "hf-daily-papers-api", "daily");
        var scraped = Path.Combine(root, "hf-daily-papers-scraped", "daily");
        return Directory.Exists(api) && Directory.Exists(scraped)
            ? Directory.GetFiles(api, "*.json").Concat(Directory.GetFiles(scraped)).Order(StringComparer.Ordinal).Select(InputFile.FromPath).ToList()
            : null;
    }

    /// <summary>The one paper matching <paramref name="what"/>; fails naming <paramref name="description"/> otherwise.</summary>
    public static PaperText Find(IEnumerable<PaperText> papers, Func<PaperText, bool> what, string description) =>
        papers.SingleOrDefault(what) ?? throw new InvalidOperationException($"no single paper {description} in the corpus");

    /// <summary>Whether the paper's title or abstract contains <paramref name="words"/> (any case).</summary>
    public static bool Says(PaperText paper, string words) =>
        (paper.Title + " " + paper.Abstract).Contains(words, StringComparison.OrdinalIgnoreCase);

    /// <summary>The papers the store infers cite <paramref name="paperId"/>.</summary>
    public static async Task<IReadOnlyList<CitationLink>> InferredCitersAsync(IPaperReader store, string paperId, CancellationToken cancellationToken) =>
        (await store.GetCitationsAsync(new CitationQuery(paperId, CitationDirection.CitedBy, 1000, 0, CitationKind.Inferred), cancellationToken)).Items;
}
