using CiteGraph.Loaders.Topics;

namespace CiteGraph.Loaders.Tests.Topics;

public sealed class TopicCorpusTests
{
    private static TopicCorpus Corpus(params (string Title, string Abstract)[] papers)
    {
        var corpus = new TopicCorpus();
        for (var i = 0; i < papers.Length; i++)
        {
            corpus.Add($"P{i}", TopicExtractor.Extract(papers[i].Title, papers[i].Abstract, []));
        }

        return corpus;
    }

    [Fact]
    public void Build_merges_an_acronym_with_its_expansion_and_keeps_both_as_names()
    {
        var graph = Corpus(
            ("Sparse Lattice Attention", "We introduce sparse lattice attention (SLA), a linear-time attention."),
            ("Weather", "Building on SLA, we forecast the weather."),
            ("Proteins", "We apply sparse lattice attention to proteins.")).Build();

        var topic = Assert.Single(graph.Topics, t => t.Name == "sparse lattice attention");
        Assert.Contains("SLA", topic.Aliases);
        Assert.Equal(3, topic.Df);
    }

    [Fact]
    public void Build_keeps_an_acronym_with_two_expansions_as_two_topics()
    {
        var graph = Corpus(
            ("Lattices", "We introduce sparse lattice attention (SLA) for long documents."),
            ("Cloud contracts", "A service level agreement (SLA) binds the provider.")).Build();

        var sla = graph.Topics.Where(t => t.Aliases.Contains("SLA")).Select(t => t.Name).Order().ToArray();
        Assert.Equal(["service level agreement", "sparse lattice attention"], sla);
    }

    [Fact]
    public void Build_merges_spelling_variants_plurals_and_hyphenation()
    {
        var graph = Corpus(
            ("A", "Bayesian optimisation of pre-training schedules for graph neural networks."),
            ("B", "Bayesian optimization of pretraining schedules for a graph neural network."),
            ("C", "Bayesian Optimization of Pre Training Schedule choices.")).Build();

        var topic = Assert.Single(graph.Topics, t => t.Name.StartsWith("bayesian optimi", StringComparison.Ordinal));
        Assert.Equal(3, topic.Df);
        Assert.Contains(topic.Aliases.Append(topic.Name), a => a.Contains("optimisation", StringComparison.Ordinal));
        Assert.Contains(topic.Aliases.Append(topic.Name), a => a.Contains("optimization", StringComparison.Ordinal));
        Assert.Equal(2, Assert.Single(graph.Topics, t => t.Name.StartsWith("graph neural network", StringComparison.Ordinal)).Df);
    }

    [Fact]
    public void Build_keeps_co_topic_to_the_top_k_of_each_paper_and_never_pairs_everything()
    {
        var papers = Enumerable.Range(0, 60)
            .Select(i => ($"Paper {i}", $"We study graph neural networks and message passing for molecule property prediction {i % 3}."))
            .ToArray();
        var corpus = new TopicCorpus(new TopicOptions { CoTopicK = 4 });
        for (var i = 0; i < papers.Length; i++)
        {
            corpus.Add($"P{i}", TopicExtractor.Extract(papers[i].Item1, papers[i].Item2, []));
        }

        var graph = corpus.Build();

        Assert.All(graph.CoTopic.GroupBy(r => r.PaperId), g => Assert.True(g.Count() <= 4));
        Assert.True(graph.CoTopic.Count <= 4 * 60);
        Assert.All(graph.CoTopic, r => Assert.NotEqual(r.PaperId, r.OtherId));
        Assert.All(graph.CoTopic, r => Assert.NotEmpty(r.Reasons));
    }
}

/// <summary>HAS_TOPIC rows are made on demand from the topic lists the pass keeps (HasTopicRows), not held as a list.</summary>
public sealed class HasTopicRowsTests
{
    private static readonly string[] Kinds = ["latent diffusion", "video diffusion", "graph attention", "sparse attention", "contrastive learning"];

    [Fact]
    public void Rows_list_each_papers_own_topics_in_rank_order_then_the_inherited_heads_and_index_as_they_enumerate()
    {
        var corpus = new TopicCorpus();
        for (var i = 0; i < 60; i++)
        {
            string a = Kinds[i % Kinds.Length], b = Kinds[(i / 5) % Kinds.Length];
            corpus.Add($"P{i}", TopicExtractor.Extract($"Scaling {a} with {b}", $"We study {a} models and {b} methods on benchmark {i % 4}.", []), 2020 + i % 3);
        }

        var graph = corpus.Build();
        var rows = graph.HasTopic.ToList();

        Assert.Equal(rows.Count, graph.HasTopic.Count);
        Assert.Equal(rows, Enumerable.Range(0, graph.HasTopic.Count).Select(i => graph.HasTopic[i]));
        var own = corpus.PaperTopics.SelectMany((topics, p) => topics.Select(t => ($"P{p}", t))).ToList();
        Assert.Equal(own, rows.Take(own.Count).Select(r => (r.PaperId, r.Topic)));
        Assert.All(corpus.PaperTopics.Select((topics, p) => (topics, p)).Where(x => x.topics.Length > 0),
            x => Assert.Equal(1.0, rows.First(r => r.PaperId == $"P{x.p}").Weight));
        Assert.All(rows, r => Assert.InRange(r.Weight, 1e-6, 1.0));
        var inherited = rows.Skip(own.Count).ToList();
        Assert.NotEmpty(inherited);
        Assert.Equal(inherited.Select(r => int.Parse(r.PaperId[1..], System.Globalization.CultureInfo.InvariantCulture)).Order(), inherited.Select(r => int.Parse(r.PaperId[1..], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(inherited, r => Assert.Contains(r.Topic, Enumerable.Range(0, graph.Topics.Count)));
        // Every topic's df counts the papers carrying it, own or inherited: the rows and the topics agree.
        var df = rows.GroupBy(r => r.Topic).ToDictionary(g => g.Key, g => g.Select(r => r.PaperId).Distinct().Count());
        Assert.All(df, d => Assert.Equal(d.Value, graph.Topics[d.Key].Df));
    }
}
