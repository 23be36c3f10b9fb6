using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Lineage;
using CiteGraph.Loaders.Topics;

namespace CiteGraph.Loaders.Tests.Lineage;

public sealed class SimilarityGateTests
{
    private static PaperText Paper(string id, string title, string text, string published) => new() { Id = id, Title = title, Abstract = text, Published = published };

    private static List<(Citation Citation, LineageSignals Signals)> Candidates(params PaperText[] papers) => Candidates(null, papers);

    private static List<(Citation Citation, LineageSignals Signals)> Candidates(IReadOnlyList<float[]?>? vectors, params PaperText[] papers)
    {
        var (corpus, lineage) = LineageInputs.From(papers);
        return LineageInferrer.Candidates(lineage, corpus.TopicIndexOf, corpus.PaperTopics, semantic: vectors is null ? null : new EmbeddingSimilarity(vectors));
    }

    [Fact]
    public void The_same_name_used_on_another_subject_is_no_citation_while_on_the_same_subject_it_is()
    {
        var candidates = Candidates(
            Paper("A", "FooNet: Message Passing for Molecular Graphs", "We propose FooNet, a message passing network that predicts molecular properties from graphs of atoms and bonds.", "2021-01-01"),
            Paper("B", "Equivariant molecular property prediction", "We extend FooNet with equivariant message passing to predict molecular properties of atoms and bonds in graphs.", "2022-01-01"),
            Paper("C", "Music generation with diffusion", "Our audio diffusion model generates music; a FooNet module conditions the melody on lyrics and rhythm.", "2022-02-01"),
            Paper("D", "Graph kernels revisited", "Kernels on graphs compare atoms and bonds of molecules without message passing.", "2020-01-01"),
            Paper("E", "Lyrics to melody", "A transformer turns lyrics into melody and rhythm for music.", "2020-02-01"),
            Paper("F", "Audio codecs", "Neural codecs compress audio for diffusion and music models.", "2020-03-01"));

        var related = Assert.Single(candidates).Citation;

        Assert.Equal(("B", "A"), (related.From, related.To));
        Assert.True(related.Confidence >= LineageCalibration.DefaultThreshold, $"same subject {related.Confidence}");
        Assert.Contains("terms similarity", related.Evidence, StringComparison.Ordinal);
    }

    private static PaperText[] FooNetCorpus =>
    [
        Paper("A", "FooNet: Message Passing for Molecular Graphs", "We propose FooNet, a message passing network that predicts molecular properties from graphs of atoms and bonds.", "2021-01-01"),
        Paper("B", "Equivariant molecular property prediction", "We extend FooNet with equivariant message passing to predict molecular properties of atoms and bonds in graphs.", "2022-01-01"),
        Paper("D", "Graph kernels revisited", "Kernels on graphs compare atoms and bonds of molecules without message passing.", "2020-01-01"),
        Paper("E", "Lyrics to melody", "A transformer turns lyrics into melody and rhythm for music.", "2020-02-01"),
        Paper("F", "Audio codecs", "Neural codecs compress audio for diffusion and music models.", "2020-03-01"),
    ];

    private static float[] Unit(float x, float y) => [x / MathF.Sqrt((x * x) + (y * y)), y / MathF.Sqrt((x * x) + (y * y))];

    [Fact]
    public void Where_both_papers_have_embeddings_their_cosine_decides_whatever_the_words_share()
    {
        // B shares FooNet and most of A's words; only the vectors differ between the two runs.
        var close = Assert.Single(Candidates([Unit(1, 0), Unit(0.9f, 0.2f), Unit(0, 1), Unit(0, 1), Unit(0, 1)], FooNetCorpus));
        var far = Candidates([Unit(1, 0), Unit(0, 1), Unit(0, 1), Unit(0, 1), Unit(0, 1)], FooNetCorpus);

        Assert.Equal(("B", "A"), (close.Citation.From, close.Citation.To));
        Assert.NotNull(close.Signals.Semantic);
        Assert.True(close.Signals.Semantic >= LineageCalibration.MinSemantic("method"));
        Assert.Contains("[embedding similarity 0.98, terms", close.Citation.Evidence, StringComparison.Ordinal);
        Assert.Empty(far);
    }

    [Fact]
    public void A_paper_without_a_vector_falls_back_to_the_words_and_the_evidence_says_so()
    {
        var fallback = Assert.Single(Candidates([Unit(1, 0), null, Unit(0, 1), Unit(0, 1), Unit(0, 1)], FooNetCorpus));

        Assert.Null(fallback.Signals.Semantic);
        Assert.True(fallback.Signals.Similarity >= LineageCalibration.MinSimilarity("method"));
        Assert.EndsWith(", no embedding]", fallback.Citation.Evidence, StringComparison.Ordinal);
        Assert.Equal(fallback.Citation.Confidence, Math.Round(Math.Min(0.99, LineageCalibration.Confidence(fallback.Signals)), 3));
    }

    [Fact]
    public void Term_similarity_is_one_for_the_same_text_and_zero_without_shared_content_words()
    {
        LineagePaper P(string id, string text) => new() { Id = id, Title = id, Text = text };
        var similarity = new TermSimilarity([P("a", "sparse lattice attention for crystals"), P("b", "sparse lattice attention for crystals"), P("c", "weather forecasting with radar"), P("d", "radar images")]);

        Assert.Equal(1.0, similarity.Similarity(0, 1), 6);
        Assert.Equal(0.0, similarity.Similarity(0, 2), 6);
    }
}
