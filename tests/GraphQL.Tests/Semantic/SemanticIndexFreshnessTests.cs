using CiteGraph.Embeddings;
using CiteGraph.Loaders.Derive;

namespace CiteGraph.GraphQL.Tests.Semantic;

/// <summary>The in-memory vector index follows the snapshot: vectors written by a derive count once the snapshot is rebuilt.</summary>
public sealed class SemanticIndexFreshnessTests(DemoSchemaFixture demo) : IClassFixture<DemoSchemaFixture>
{
    [Fact]
    public async Task Vectors_written_after_the_index_was_built_are_served_after_the_next_snapshot_rebuild()
    {
        const string Query = """{ search(text: "forecasting the weather", first: 1, mode: SEMANTIC) { paper { title } } }""";
        Assert.True((await demo.ExecuteAsync(Query)).TryGetProperty("errors", out _)); // no vectors: the index is built empty

        using var model = new MiniLmEmbedder();
        var report = await new TopicsAndLineage(demo.Store, new DeriveOptions { Embed = true, Embedder = () => model })
            .RunAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(report.Embedded > 0);
        Assert.True((await demo.ExecuteAsync(Query)).TryGetProperty("errors", out _)); // same snapshot, same index

        await demo.RebuildSnapshotAsync();
        var response = await demo.ExecuteAsync(Query);

        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        Assert.Equal("Lattice Attention for Weather Forecasting", response.GetProperty("data").GetProperty("search")[0].GetProperty("paper").GetProperty("title").GetString());
    }
}
