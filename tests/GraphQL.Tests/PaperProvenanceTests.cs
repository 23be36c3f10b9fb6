using System.Text.Json;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Tests;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using CiteGraph.Loaders.Derive;

namespace CiteGraph.GraphQL.Tests;

/// <summary><c>Paper.provenance</c> over a real SQLite file loaded by the real ingestor from two sources of one paper.</summary>
public sealed class PaperProvenanceTests : IAsyncLifetime
{
    // The listing has the longer abstract and no year; the Hugging Face record the longer title (with its colon), the
    // full date, the upvotes and the arXiv id. Both resolve to one paper (same title key).
    private const string Listing = """
        new

        Get trending papers in your email inbox!

        Subscribe

        Daily Papers

        byAK and the research community

        Jan 3

        Sparse Lanterns Efficient Attention for Long Documents

        We present Sparse Lanterns, a sparse attention variant for long documents, and this listing abstract says far more than the other one.

        """;

    private const string HfJson = """
        {
          "id": "2501.00001v2",
          "authors": [{"_id": "a1", "name": "Ada Quill", "hidden": false}],
          "publishedAt": "2025-01-02T17:59:59.000Z",
          "title": "Sparse Lanterns: Efficient Attention for Long Documents",
          "summary": "We present Sparse Lanterns.",
          "upvotes": 44
        }
        """;

    private readonly TempDirectory _dir = new();
    private SqliteGraphStore _sqlite = null!;
    private CountingStore _counter = null!;
    private ServiceProvider _services = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _sqlite = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("provenance.db") });
        var listing = _dir.Write("listing.txt", Listing);
        var json = _dir.Write("paper.json", HfJson);
        var report = await new Ingestor(_sqlite).LoadAsync(
            [new InputFile("listing.txt", () => File.OpenRead(listing)), new InputFile("paper.json", () => File.OpenRead(json))],
            cancellationToken: Ct);
        Assert.Equal((2, 1, 1), (report.Loaded, report.New, report.Merged));
        await DeriveStage.RunAsync(_sqlite, cancellationToken: Ct);
        // More papers, so a page has several to batch.
        await _sqlite.UpsertAsync(
            Enumerable.Range(1, 12).Select(i => new ResolvedRecord($"P{i:D16}", new PaperRecord
            {
                Title = $"Filler Paper {i}",
                Abstract = "An abstract.",
                Source = new SourceRef("filler.txt", i, "test"),
            })).ToList(),
            Ct);
        var (store, counter) = CountingStore.Wrap(_sqlite);
        _counter = counter;
        _services = new ServiceCollection().AddSingleton(store).AddCiteGraphQL().BuildServiceProvider();
        await _services.GetRequiredService<SnapshotHolder>().RebuildAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _sqlite.DisposeAsync();
        _dir.Dispose();
    }

    private Task<JsonElement> ExecuteAsync(string query) => _services.ResponseAsync(query);

    [Fact]
    public async Task Provenance_names_the_listing_line_for_the_abstract_and_the_json_record_for_the_title_and_date()
    {
        var response = await ExecuteAsync(
            """{ paper(id: "2501.00001") { title abstract sources { file } provenance { field value source { file line format } } } }""");

        var paper = response.GetProperty("data").GetProperty("paper");
        Assert.Equal(["listing.txt", "paper.json"], paper.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("file").GetString()));
        var provenance = paper.GetProperty("provenance").EnumerateArray().ToDictionary(
            p => p.GetProperty("field").GetString()!,
            p => (Value: p.GetProperty("value").GetString(), At: $"{p.GetProperty("source").GetProperty("file").GetString()}:{p.GetProperty("source").GetProperty("line").GetInt32()}"));
        Assert.Equal(("Sparse Lanterns: Efficient Attention for Long Documents", "paper.json:1"), provenance["title"]);
        Assert.Equal((paper.GetProperty("abstract").GetString(), "listing.txt:13"), provenance["abstract"]);
        Assert.StartsWith("We present Sparse Lanterns, a sparse attention variant", provenance["abstract"].Value, StringComparison.Ordinal);
        Assert.Equal(("2025-01-02", "paper.json:1"), provenance["published"]);
        Assert.Equal(("2025", "paper.json:1"), provenance["year"]);
        Assert.Equal(("44", "paper.json:1"), provenance["upvotes"]);
        Assert.Equal(("2501.00001", "paper.json:1"), provenance["arxivId"]);
        Assert.DoesNotContain("doi", provenance.Keys);
        Assert.All(paper.GetProperty("provenance").EnumerateArray(), p => Assert.False(string.IsNullOrEmpty(p.GetProperty("source").GetProperty("format").GetString())));
    }

    [Fact]
    public async Task Provenance_of_a_page_of_papers_is_one_store_read()
    {
        _counter.Calls.Clear();

        var response = await ExecuteAsync("{ papers(first: 10) { edges { node { provenance { field source { line } } } } } }");

        Assert.False(response.TryGetProperty("errors", out _), response.ToString());
        var nodes = response.GetProperty("data").GetProperty("papers").GetProperty("edges").EnumerateArray().ToList();
        Assert.Equal(10, nodes.Count);
        Assert.All(nodes, n => Assert.NotEmpty(n.GetProperty("node").GetProperty("provenance").EnumerateArray()));
        Assert.Equal(1, _counter.Calls.GetValueOrDefault(nameof(IGraphStore.GetSourceRecordsAsync)));
    }
}
