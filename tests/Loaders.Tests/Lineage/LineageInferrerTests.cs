using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Lineage;
using CiteGraph.Loaders.Topics;
using FsCheck.Xunit;

namespace CiteGraph.Loaders.Tests.Lineage;

public sealed class LineageInferrerTests
{
    // Unrelated papers around the ones under test, so that words have an idf and similarity means something (in a
    // corpus of two papers every shared word is in every paper).
    private static readonly PaperText[] Background =
    [
        Paper("Z1", "Weather radar nowcasting", "Radar echoes are extrapolated to forecast rain.", "2010-01-01"),
        Paper("Z2", "Crop yield from satellites", "Satellite images predict crop yield for farmers.", "2010-02-01"),
        Paper("Z3", "Traffic flow forecasting", "Sensors on roads forecast traffic flow and congestion.", "2010-03-01"),
    ];

    private static List<Citation> Infer(params PaperText[] papers)
    {
        var (corpus, lineage) = LineageInputs.From(papers.Concat(Background));
        // Every proposal, whatever its confidence: these tests are about what the rules find; the similarity gate and
        // calibration have their own tests (a two-paper corpus has no idf to measure similarity with).
        return LineageInferrer.Infer(lineage, corpus.TopicIndexOf, corpus.PaperTopics, minConfidence: 0);
    }

    private static PaperText Paper(string id, string title, string text, string? published = null, string? arxiv = null, params string[] authors) =>
        new() { Id = id, Title = title, Abstract = text, Published = published, ArxivId = arxiv, Authors = authors };

    [Fact]
    public void A_later_paper_using_a_coined_name_cites_the_paper_that_coined_it()
    {
        var citations = Infer(
            Paper("A", "FooNet: Fast Graphs", "We propose FooNet, a graph network.", "2024-05-01"),
            Paper("C", "New work", "We extend FooNet to proteins.", "2025-01-01"));

        var citation = Assert.Single(citations);
        Assert.Equal(("C", "A", CitationKind.Inferred), (citation.From, citation.To, citation.Kind));
        Assert.Contains("FooNet", citation.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paper_that_makes_a_new_method_of_a_named_kind_is_not_credited_with_the_kind()
    {
        // "a new score-based distribution matching distillation (DMD) method" (Presto!) makes a DMD method; "we introduce
        // the ... (DMD) which" coins the name. The later paper writing DMD credits only the coiner.
        var kind = Infer(
            Paper("A", "Fast music generation", "We develop a new score-based distribution matching distillation (DMD) method for music models.", "2024-05-01"),
            Paper("C", "Video distillation", "We distill video models with DMD in few steps.", "2025-01-01"));
        var coined = Infer(
            Paper("A", "Fast image generation", "We introduce distribution matching distillation (DMD) which distills image models.", "2024-05-01"),
            Paper("C", "Video distillation", "We distill video models with DMD in few steps.", "2025-01-01"));
        // A name of its own shape is coined whatever noun follows it.
        var shaped = Infer(
            Paper("A", "Contrastive graphs", "We propose a graph contrastive learning (GraphCL) framework for graphs.", "2024-05-01"),
            Paper("C", "Graph pretraining", "We pretrain graph models with GraphCL in few steps.", "2025-01-01"));

        Assert.DoesNotContain(kind, c => c.To == "A");
        Assert.Contains(shaped, c => (c.From, c.To) == ("C", "A") && c.Evidence!.StartsWith("method:", StringComparison.Ordinal));
        Assert.Contains(coined, c => (c.From, c.To) == ("C", "A") && c.Evidence!.StartsWith("method:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_in_use_before_its_claimed_introduction_is_credited_to_nobody()
    {
        var citations = Infer(
            Paper("A", "FooNet: Fast Graphs", "We propose FooNet, a graph network.", "2024-05-01"),
            Paper("B", "Old work", "An early use of FooNet for molecules.", "2023-01-01"),
            Paper("C", "New work", "We extend FooNet to proteins.", "2025-01-01"));

        Assert.Empty(citations);
    }

    [Fact]
    public void Mentions_et_al_and_title_quotes_of_corpus_papers_become_citations()
    {
        var citations = Infer(
            Paper("A", "Scaling Laws for Neural Language Models", "We study power laws.", "2020-01-23", "2001.08361", "Jared Kaplan"),
            Paper("B", "Follow-up", "Following arXiv:2001.08361 we fit new laws.", "2021-01-01") with
            {
                Mentions = [new ExternalId(ExternalIdKind.Arxiv, "2001.08361")],
            },
            Paper("C", "Another", "As Kaplan et al., 2020 observed, loss falls as a power law.", "2022-01-01"),
            Paper("D", "Quote", "Revisiting scaling laws for neural language models with new data.", "2023-01-01"));

        Assert.Equal(["B→A arxiv", "C→A et-al", "D→A title"], citations.Select(c => $"{c.From}→{c.To} {c.Evidence![..c.Evidence!.IndexOf(':', StringComparison.Ordinal)]}"));
    }

    [Property(MaxTest = 200)]
    public bool A_title_quoted_in_another_papers_text_is_found_as_a_plain_search_finds_it(int seed)
    {
        // Few words, so titles open alike and turn up inside each other and in the texts, quoted whole or cut short.
        string[] vocabulary = ["lattice", "sparse", "prism", "quorum", "vertex", "tensor", "cobalt"];
        var random = new Random(seed);
        string[] Words(int count) => [.. Enumerable.Range(0, count).Select(_ => vocabulary[random.Next(vocabulary.Length)])];
        var titles = Enumerable.Range(0, random.Next(2, 12)).Select(_ => Words(random.Next(3, 8))).ToList();
        var bodies = titles.Select(_ => Enumerable.Range(0, random.Next(0, 5))
            .SelectMany(_ => random.Next(3) == 0 ? titles[random.Next(titles.Count)].Take(random.Next(2, 9)) : Words(random.Next(1, 4)))
            .ToArray()).ToList();
        var papers = titles.Select((t, i) => new LineagePaper
        {
            Id = $"P{i}",
            Title = string.Join(' ', t),
            Text = string.Join(' ', t) + ". " + string.Join(' ', bodies[i]),
        }).ToList();

        // Any similarity passes: this property is about finding quoted titles, which the similarity gate may then drop.
        var found = LineageInferrer.Infer(papers, _ => -1, [.. papers.Select(_ => Array.Empty<int>())], minConfidence: 0, new SameSubject())
            .Select(c => (c.From, c.To)).ToHashSet();

        var expected = new HashSet<(string, string)>();
        for (var i = 0; i < papers.Count; i++)
        {
            for (var t = 0; t < papers.Count; t++)
            {
                var title = titles[t];
                var quoted = Enumerable.Range(0, Math.Max(0, bodies[i].Length - title.Length + 1))
                    .Any(w => bodies[i].AsSpan(w, title.Length).SequenceEqual(title));
                if (t != i && title.Length >= 4 && papers[t].Title.Length >= 25 && quoted)
                {
                    expected.Add(($"P{i}", $"P{t}"));
                }
            }
        }

        return found.SetEquals(expected);
    }

    private sealed class SameSubject : ILineageSimilarity
    {
        public string Name => "same";

        public double Similarity(int a, int b) => 1;
    }
}
