namespace CiteGraph.Embeddings.Tests;

public sealed class EmbeddingTextTests
{
    [Fact]
    public void Title_and_abstract_join_as_one_sentence_with_whitespace_collapsed()
    {
        Assert.Equal("Deep Nets. We train them well.", EmbeddingText.Of("  Deep\n Nets ", "We   train them\twell."));
        Assert.Equal("Why Nets? Because.", EmbeddingText.Of("Why Nets?", "Because."));
        Assert.Equal("Only a title", EmbeddingText.Of("Only a title", null));
    }

    [Fact]
    public void A_long_abstract_is_cut_at_a_word_boundary_within_the_limit()
    {
        var text = EmbeddingText.Of("T", string.Join(" ", Enumerable.Repeat("word", 1000)));

        Assert.True(text.Length <= EmbeddingText.MaxCharacters);
        Assert.True(text.Length > EmbeddingText.MaxCharacters - 10);
        Assert.EndsWith("word", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hash_changes_with_the_text_and_only_with_it()
    {
        var a = EmbeddingText.Hash(EmbeddingText.Of("Title", "Abstract."));

        Assert.Equal(a, EmbeddingText.Hash(EmbeddingText.Of("Title ", " Abstract.")));
        Assert.NotEqual(a, EmbeddingText.Hash(EmbeddingText.Of("Title", "Abstract, revised.")));
        Assert.Equal(16, a.Length);
    }
}
