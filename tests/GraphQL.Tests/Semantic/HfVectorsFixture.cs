using System.Text.RegularExpressions;
using CiteGraph.Embeddings;
using CiteGraph.Graph.Storage;
using CiteGraph.Loaders.Reading;
using CiteGraph.Tests;

namespace CiteGraph.GraphQL.Tests.Semantic;

/// <summary>
/// The Hugging Face corpus (../shared/data/hf-daily-papers-api and -scraped, 9,877 papers) loaded whole, with vectors
/// for a subset only: embedding all of it takes minutes on two cores, too long for every test run. The subset is every
/// 60th paper in load order (unrelated distractors) plus every paper that mentions RLHF or a reward model: the hardest
/// distractors for a query about preference alignment, and the DPO papers among them.
/// </summary>
public sealed partial class HfVectorsFixture : VectorSchemaFixture
{
    /// <summary>Papers given a vector.</summary>
    public int Embedded { get; private set; }

    /// <summary>Of those, papers of the DPO family (by <see cref="IsDpoFamily"/>).</summary>
    public int DpoFamily { get; private set; }

    /// <summary>Of those, papers about RLHF or reward models that are not of the DPO family.</summary>
    public int HardDistractors { get; private set; }

    /// <summary>Direct Preference Optimization and its variants, as their own text names them.</summary>
    public static bool IsDpoFamily(string title, string? abstractText) => DpoMarkers().IsMatch(title + " " + abstractText);

    [GeneratedRegex(@"\bDPO\b|direct preference|preference optimi[sz]ation", RegexOptions.IgnoreCase)]
    private static partial Regex DpoMarkers();

    [GeneratedRegex(@"\bRLHF\b|reward model", RegexOptions.IgnoreCase)]
    private static partial Regex RewardMarkers();

    protected override IReadOnlyList<InputFile> Inputs() =>
        new[] { "hf-daily-papers-api", "hf-daily-papers-scraped" }
            .SelectMany(d => Directory.GetFiles(Path.Combine(SharedData.Require("data/" + d), "daily"), "*.json"))
            .Order(StringComparer.Ordinal)
            .Select(InputFile.FromPath)
            .ToList();

    protected override async Task EmbedAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var chosen = new List<(string Id, string Text)>();
        var position = 0;
        await foreach (var paper in Store.ReadPaperTextsAsync(ct))
        {
            var reward = RewardMarkers().IsMatch(paper.Title + " " + paper.Abstract);
            if (position++ % 60 == 0 || reward)
            {
                chosen.Add((paper.Id, EmbeddingText.Of(paper.Title, paper.Abstract)));
                var dpo = IsDpoFamily(paper.Title, paper.Abstract);
                DpoFamily += dpo ? 1 : 0;
                HardDistractors += reward && !dpo ? 1 : 0;
            }
        }

        // The same text and hash the derive pass would store.
        var vectors = Embedder.Embed(chosen.Select(c => c.Text).ToList(), ct);
        Embedded = await ((IPaperVectorStore)Store).WriteVectorsAsync(
            chosen.Select((c, i) => new PaperVector(c.Id, EmbeddingText.Hash(c.Text), vectors[i])).ToList(), ct);
    }
}
