namespace CiteGraph.GraphQL.Tests.Semantic;

/// <summary>A store whose papers have no embeddings yet (loaded without them): what semantic answers do then.</summary>
public sealed class SemanticWithoutVectorsTests(DemoSchemaFixture demo) : IClassFixture<DemoSchemaFixture>
{
    [Fact]
    public async Task Semantic_search_is_an_error_that_says_how_to_compute_the_embeddings()
    {
        var response = await demo.ExecuteAsync("""{ search(text: "attention", mode: SEMANTIC) { score } }""");

        var error = response.GetProperty("errors")[0];
        Assert.Equal("SEMANTIC_UNAVAILABLE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("citegraph derive", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hybrid_search_is_keyword_search_while_no_vectors_exist()
    {
        const string Fields = "{ score snippet paper { id } }";
        var hybrid = await demo.ExecuteAsync($$"""{ search(text: "lattice attention", mode: HYBRID) {{Fields}} }""");
        var keyword = await demo.ExecuteAsync($$"""{ search(text: "lattice attention", mode: KEYWORD) {{Fields}} }""");

        Assert.Equal(keyword.ToString(), hybrid.ToString());
    }
}
