using System.Numerics.Tensors;

namespace CiteGraph.Embeddings.Tests;

public sealed class MiniLmEmbedderTests(MiniLmFixture model) : IClassFixture<MiniLmFixture>
{
    [Fact]
    public void Vectors_are_unit_length_and_have_the_stated_dimensions()
    {
        var vectors = model.Embedder.Embed(["Attention is all you need.", "", "A graph neural network for molecules.", "x"], TestContext.Current.CancellationToken);

        Assert.Equal(4, vectors.Length);
        Assert.All(vectors, v =>
        {
            Assert.Equal(model.Embedder.Dimensions, v.Length);
            Assert.Equal(1.0, TensorPrimitives.Norm(v), 1e-4);
        });
    }

    [Fact]
    public void A_paraphrase_is_closer_than_an_unrelated_sentence_although_the_words_differ()
    {
        var v = model.Embedder.Embed(
            [
                "Aligning language models with human preferences without training a reward model.",
                "Direct preference optimization fine-tunes an LLM on pairwise human feedback, skipping reinforcement learning.",
                "We measure the thermal conductivity of layered perovskite crystals at low temperature.",
                "A convolutional network segments tumours in brain MRI scans.",
            ],
            TestContext.Current.CancellationToken);

        var paraphrase = TensorPrimitives.Dot(v[0], v[1]);
        Assert.True(paraphrase > TensorPrimitives.Dot(v[0], v[2]) + 0.2f, $"paraphrase {paraphrase} vs physics {TensorPrimitives.Dot(v[0], v[2])}");
        Assert.True(paraphrase > TensorPrimitives.Dot(v[0], v[3]) + 0.2f, $"paraphrase {paraphrase} vs medical imaging {TensorPrimitives.Dot(v[0], v[3])}");
    }

    [Fact]
    public void A_text_embeds_the_same_alone_and_inside_a_batch_of_longer_texts()
    {
        var text = "Sparse attention for long documents.";
        var longer = string.Join(" ", Enumerable.Repeat("Retrieval augmented generation with a learned index over many passages.", 6));
        var alone = model.Embedder.Embed([text], TestContext.Current.CancellationToken)[0];
        var batched = model.Embedder.Embed([longer, text, longer, longer, longer, longer, longer, longer, longer, text], TestContext.Current.CancellationToken);

        // Padding is masked out by mean pooling, so a batch changes a vector only by float rounding.
        Assert.True(TensorPrimitives.Dot(alone, batched[1]) > 0.9999f);
        Assert.True(TensorPrimitives.Dot(alone, batched[9]) > 0.9999f);
        Assert.True(TensorPrimitives.Dot(alone, batched[0]) < 0.9f);
    }

    [Fact]
    public void Concurrent_callers_get_the_same_vectors_as_one_caller()
    {
        string[] texts = ["graph transformers", "protein folding", "speech recognition", "image diffusion models"];
        var expected = model.Embedder.Embed(texts, TestContext.Current.CancellationToken);

        var results = new float[8][][];
        Parallel.For(0, results.Length, i => results[i] = model.Embedder.Embed(texts, TestContext.Current.CancellationToken));

        Assert.All(results, r => Assert.All(Enumerable.Range(0, texts.Length), i => Assert.True(TensorPrimitives.Dot(expected[i], r[i]) > 0.9999f)));
    }
}
