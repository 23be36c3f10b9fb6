using CiteGraph.Graph.Neo4j;

namespace CiteGraph.Graph.Neo4j.Tests;

public sealed class LuceneQueryTests
{
    [Theory]
    [InlineData("Graph Weaver", "+(title:graph^10 abstract:graph) +(title:weaver^10 abstract:weaver)")]
    [InlineData("title:lattice OR NOT abstract", "+(title:title^10 abstract:title) +(title:lattice^10 abstract:lattice) +(title:or^10 abstract:or) +(title:not^10 abstract:not) +(title:abstract^10 abstract:abstract)")]
    [InlineData("\"unbalanced* ~2 [a TO z] \\", "+(title:unbalanced^10 abstract:unbalanced) +(title:2^10 abstract:2) +(title:a^10 abstract:a) +(title:to^10 abstract:to) +(title:z^10 abstract:z)")]
    [InlineData("Schrödinger", "+(title:schrödinger^10 abstract:schrödinger)")]
    public void Only_lower_cased_words_reach_the_query(string text, string expected) =>
        Assert.Equal(expected, LuceneQuery.FromText(text));

    [Fact]
    public void Text_without_words_is_no_query() => Assert.Null(LuceneQuery.FromText("!!! ?? --"));

    [Fact]
    public void The_snippet_marks_matches_in_the_title_or_else_the_abstract()
    {
        Assert.Equal("Graph [Weaver]", LuceneQuery.Snippet("Graph Weaver", "Nothing here.", "weaver"));
        Assert.Equal(
            "…the quick brown fox [jumps] over the lazy dog and then some more words follow here…",
            LuceneQuery.Snippet("Title", "One two three four five six seven eight nine ten the quick brown fox jumps over the lazy dog and then some more words follow here to the end.", "JUMPS"));
    }
}
