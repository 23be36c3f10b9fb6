using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Lineage;
using CiteGraph.Loaders.Topics;

namespace CiteGraph.Loaders.Tests.Derive;

/// <summary>
/// What the full derive pass holds for every paper until lineage has run, in its compact forms: the acronym uses
/// (<see cref="AcronymCounts"/>), the lineage view's packed date, and the topic corpus after Build (only the kept keys
/// and each paper's topics). Each answers what the plain form answered.
/// </summary>
public sealed class CompactDeriveStateTests
{
    private const string Abstract =
        "We train large language models (LLMs) with reinforcement learning (RL). LLMs and RL agents use PPO; PPO beats DPO, and LLMs win. " +
        "The CNN baseline is kept.";

    [Fact]
    public void Acronym_counts_answer_as_the_extraction_dictionary_in_its_order()
    {
        var uses = TopicExtractor.Extract("Training LLMs with RL", Abstract, []).AcronymUses;
        Assert.True(uses.Count >= 3, "the text uses several acronyms");

        var compact = AcronymCounts.Of(uses, new StringPool());

        Assert.Equal(uses.ToList(), compact.ToList());
        Assert.Equal(uses.Keys, compact.Keys);
        Assert.Equal(uses.Values, compact.Values);
        Assert.Equal(uses.Count, compact.Count);
        Assert.All(uses, pair => Assert.Equal(pair.Value, compact[pair.Key]));
        Assert.All(uses, pair => Assert.True(compact.TryGetValue(pair.Key, out var n) && n == pair.Value && compact.ContainsKey(pair.Key)));
        Assert.False(compact.TryGetValue("GAN", out _));
        Assert.False(compact.ContainsKey("llm"));
        Assert.Throws<KeyNotFoundException>(() => compact["GAN"]);
    }

    [Fact]
    public void Papers_using_no_acronym_share_one_empty_instance_and_papers_using_one_share_its_string()
    {
        var pool = new StringPool();
        var none = AcronymCounts.Of(new Dictionary<string, int>(), pool);
        var first = AcronymCounts.Of(new Dictionary<string, int> { [new string("LLM".ToCharArray())] = 2 }, pool);
        var second = AcronymCounts.Of(new Dictionary<string, int> { [new string("LLM".ToCharArray())] = 5 }, pool);

        Assert.Same(AcronymCounts.None, none);
        Assert.Empty(none);
        Assert.Same(first.Keys.Single(), second.Keys.Single());
        Assert.Equal((2, 5), (first["LLM"], second["LLM"]));
        Assert.Equal(1, pool.Count);
        Assert.Same(first, AcronymCounts.Of(first, pool));
    }

    public static TheoryData<int?, int?, int?> Dates => new()
    {
        { 2021, 12, 7 },
        { 2021, 12, null },
        { 2021, null, null },
        { null, 11, 21 },
        { null, 11, null },
        { 0, 1, 1 },
        { -44, 3, 15 },
        { int.MaxValue, 4095, 4095 },
        { int.MinValue, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void The_lineage_view_keeps_every_shape_of_date_it_is_given(int? year, int? month, int? day)
    {
        var date = new PartialDate(year, month, day);
        var paper = new LineagePaper { Id = "p", Title = "t", Text = "t. a", Date = date };

        Assert.Equal(date, paper.Date);
        Assert.Equal(date, (paper with { Doi = "10.1/x" }).Date);
    }

    [Fact]
    public void The_lineage_view_keeps_no_date_as_none_and_refuses_a_month_it_cannot_hold()
    {
        Assert.Null(new LineagePaper { Id = "p", Title = "t", Text = "t" }.Date);
        Assert.Null(new LineagePaper { Id = "p", Title = "t", Text = "t", Date = null }.Date);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LineagePaper { Id = "p", Title = "t", Text = "t", Date = new PartialDate(2020, 4096, 1) });
    }

    [Fact]
    public void Lineage_views_made_from_stored_papers_keep_the_date_the_paper_gives()
    {
        var papers = new[]
        {
            new PaperText { Id = "a", Title = "A", Published = "2021-12-07" },
            new PaperText { Id = "b", Title = "B", Year = 2019 },
            new PaperText { Id = "c", Title = "C", ArxivId = "2001.08361" },
            new PaperText { Id = "d", Title = "D", Published = "Nov 21" },
            new PaperText { Id = "e", Title = "E" },
        };

        foreach (var paper in papers)
        {
            var view = LineagePaper.From(paper, TopicExtractor.Extract(paper.Title, null, []), null, new StringPool());
            Assert.Equal(LineagePaper.DateOf(paper), view.Date);
        }
    }

    [Fact]
    public void A_built_corpus_answers_for_its_kept_topics_and_papers_and_is_built_once()
    {
        var corpus = new TopicCorpus();
        string[] texts =
        [
            "Sparse lattice attention for proteins. We apply sparse lattice attention to proteins.",
            "Sparse lattice attention for code. Sparse lattice attention reads code with graph neural networks (GNNs).",
            "Graph neural networks. We study graph neural networks (GNNs) on molecules with a lonely bespoke phrase.",
        ];
        for (var i = 0; i < texts.Length; i++)
        {
            var dot = texts[i].IndexOf('.', StringComparison.Ordinal);
            corpus.Add($"p{i}", TopicExtractor.Extract(texts[i][..dot], texts[i][(dot + 1)..], []), 2020 + i);
        }

        var graph = corpus.Build();

        Assert.Equal(3, corpus.PaperCount);
        Assert.Equal(3, corpus.PaperTopics.Count);
        var lattice = corpus.TopicIndexOf(TopicKey.Of("sparse lattice attention"));
        Assert.True(lattice >= 0, "a phrase of two papers is a kept topic");
        Assert.Equal("sparse lattice attention", graph.Topics[lattice].Name, ignoreCase: true);
        Assert.Contains(lattice, corpus.PaperTopics[0]);
        Assert.Contains(lattice, corpus.PaperTopics[1]);
        Assert.DoesNotContain(lattice, corpus.PaperTopics[2]);
        Assert.Equal(-1, corpus.TopicIndexOf(TopicKey.Of("lonely bespoke phrase")));
        Assert.Equal(-1, corpus.TopicIndexOf("never seen at all"));
        Assert.Throws<InvalidOperationException>(() => corpus.Build());
    }

    [Fact]
    public void Judging_proposals_while_draining_them_gives_the_same_citations_and_leaves_none_held()
    {
        const string text = "We route messages along a sparse lattice attention pattern over the nodes of a graph.";
        var papers = new List<PaperText>
        {
            new() { Id = "first", Title = "Sparse lattice attention", Abstract = text, Published = "2014-01-01", ArxivId = "1401.00001" },
            new() { Id = "second", Title = "Sparse lattice attention", Abstract = text, Published = "2015-01-01" },
            new()
            {
                Id = "later", Title = "Message passing on molecules", Published = "2016-06-01",
                Abstract = "Following sparse lattice attention (arXiv:1401.00001), we pass messages between atoms of a graph.",
                Mentions = [new ExternalId(ExternalIdKind.Arxiv, "1401.00001")],
            },
        };
        papers.AddRange(Enumerable.Range(0, 200).Select(i => new PaperText { Id = $"filler{i}", Title = $"Filler q{i}x", Abstract = $"Nothing shared by paper z{i}y.", Published = "2013-01-01" }));
        var (corpus, lineage) = Lineage.LineageInputs.From(papers);

        var kept = LineageInferrer.Propose(lineage, corpus.TopicIndexOf, corpus.PaperTopics);
        var drained = LineageInferrer.Propose(lineage, corpus.TopicIndexOf, corpus.PaperTopics);
        var involved = drained.Papers.Order().ToList();
        var expected = LineageInferrer.Judge(lineage, corpus.PaperTopics, kept);
        var actual = LineageInferrer.Judge(lineage, corpus.PaperTopics, drained, drain: true);

        Assert.True(expected.Count >= 2, "the rules propose citations here (an arXiv mention, a rare title phrase)");
        Assert.Equal(expected, actual);
        Assert.Empty(drained.Items);
        Assert.Equal(involved, drained.Papers.Order());
        Assert.NotEmpty(kept.Items);
    }
}
