using CiteGraph.Tests;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Tests.Support;

namespace CiteGraph.Loaders.Tests.Ingest;

public class CrossSourceTests
{
    [Fact]
    public async Task Load_SamePaperFromListingHfArxivAndOpenAlex_IsOnePaperWithFourSources()
    {
        using var temp = new TempDirectory();
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = temp.File("g.db") });
        await Loading.LoadAndDeriveAsync(store,
            [
                TestFiles.Fixture("cross/listing.txt"), TestFiles.Fixture("hf/paper.json"),
                TestFiles.Fixture("arxiv/snapshot.jsonl"), TestFiles.Fixture("openalex/works.jsonl"),
            ],
            cancellationToken: TestContext.Current.CancellationToken);

        var hits = await store.SearchAsync("Sparse Lanterns", 10, TestContext.Current.CancellationToken);
        var paper = Assert.Single(hits).Paper;
        Assert.Equal("2501.00001", paper.ArxivId);
        Assert.Equal("10.5555/lanterns.2025.1", paper.Doi);
        var sources = (await store.GetSourcesAsync([paper.Id], TestContext.Current.CancellationToken))[paper.Id];
        Assert.Equal(["arxiv", "hf-json", "hf-listing-b", "openalex"], sources.Select(s => s.Format).Order(StringComparer.Ordinal));
        Assert.Equal(paper, await store.FindPaperAsync("W4000000001", TestContext.Current.CancellationToken));
        Assert.Equal(paper, await store.FindPaperAsync("https://openalex.org/w4000000001", TestContext.Current.CancellationToken));
        Assert.Equal(paper, await store.FindPaperAsync("https://doi.org/10.5555/LANTERNS.2025.1", TestContext.Current.CancellationToken));
    }
}
