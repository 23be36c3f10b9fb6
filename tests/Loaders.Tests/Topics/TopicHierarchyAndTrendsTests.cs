using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Topics;

namespace CiteGraph.Loaders.Tests.Topics;

/// <summary>Broader/narrower topics, head words, papers per year and growth, and the weights of co-topic reasons.</summary>
public sealed class TopicHierarchyAndTrendsTests
{
    private static readonly (string Title, string Abstract, int Year)[] Papers =
    [
        ("Latent diffusion for sketches", "We train latent diffusion models for sketches.", 2023),
        ("Latent diffusion for maps", "Latent diffusion for maps and video diffusion.", 2023),
        ("Video diffusion for clips", "Video diffusion for clips with diffusion models.", 2024),
        ("Video diffusion for motion", "Video diffusion with diffusion models and graph coloring.", 2024),
        ("Graph coloring", "Graph coloring with diffusion models.", 2024),
        ("Graph coloring heuristics", "Graph coloring for heuristics.", 2023),
        ("Latent diffusion models at scale", "We scale latent diffusion models.", 2023),
    ];

    private static TopicGraph Build(TopicOptions? options = null)
    {
        var corpus = new TopicCorpus(options ?? new TopicOptions { GrowthMinPapers = 2 });
        for (var i = 0; i < Papers.Length; i++)
        {
            corpus.Add($"P{i}", TopicExtractor.Extract(Papers[i].Title, Papers[i].Abstract, []), Papers[i].Year);
        }

        return corpus.Build();
    }

    private static string[] Narrower(TopicGraph graph, string name)
    {
        var index = graph.Topics.ToList().FindIndex(t => t.Name == name);
        return graph.Broader.Where(l => l.Broader == index).Select(l => graph.Topics[l.Narrower].Name).Order(StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public void A_head_word_becomes_a_topic_broader_than_its_phrases()
    {
        var graph = Build();

        var diffusion = Assert.Single(graph.Topics, t => t.Name == "diffusion");
        Assert.Equal(["diffusion models", "latent diffusion", "video diffusion"], Narrower(graph, "diffusion"));
        // "latent diffusion models" links to its longest topic runs only, not to "diffusion" again.
        Assert.Equal(["latent diffusion models"], Narrower(graph, "latent diffusion"));
        Assert.Equal(["latent diffusion models"], Narrower(graph, "diffusion models"));
        // A head word carries the papers of its phrases: every paper but the one on graph coloring alone.
        Assert.Equal(6, diffusion.Df);
    }

    [Fact]
    public void Inherited_head_words_make_no_co_topic_link()
    {
        var without = Build(new TopicOptions { GrowthMinPapers = 2, MinNarrowerForHead = 1000 });
        var with = Build();
        Assert.Equal(
            without.CoTopic.Select(c => (c.PaperId, c.OtherId, c.Weight)),
            with.CoTopic.Select(c => (c.PaperId, c.OtherId, c.Weight)));
    }

    [Fact]
    public void Papers_per_year_and_growth_compare_shares_of_the_latest_year_with_earlier_ones()
    {
        var graph = Build();

        var video = Assert.Single(graph.Topics, t => t.Name == "video diffusion");
        Assert.Equal([new TopicYear(2023, 1), new TopicYear(2024, 2)], video.ByYear);
        // 2 of the 3 papers of 2024 against 1 of the 4 of 2023, add-one smoothed: log2((3/4) / (2/5)).
        Assert.Equal(Math.Log2(0.75 / 0.4), video.Growth!.Value, 6);
        // No paper of 2024 says "latent diffusion": below the minimum support, no growth.
        Assert.Null(Assert.Single(graph.Topics, t => t.Name == "latent diffusion").Growth);
        // Only 2024 papers say "diffusion models": it rises faster than video diffusion.
        Assert.True(Assert.Single(graph.Topics, t => t.Name == "diffusion models").Growth > video.Growth);
    }

    [Fact]
    public void Each_co_topic_edge_carries_its_shared_topics_with_what_each_contributed()
    {
        var graph = Build();

        Assert.NotEmpty(graph.CoTopic);
        Assert.All(graph.CoTopic, c =>
        {
            Assert.NotEmpty(c.Reasons);
            Assert.Equal(c.Reasons.Count, c.ReasonWeights.Count);
            Assert.All(c.ReasonWeights, w => Assert.True(w > 0));
            Assert.True(c.ReasonWeights.Sum() <= c.Weight + 1e-5, "the contributions of the best shared topics never exceed the edge's weight");
            Assert.Equal(c.ReasonWeights.OrderDescending(), c.ReasonWeights);
        });
    }
}
