using System.Text.Json;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Neo4j;
using static CiteGraph.Graph.Neo4j.Tests.FakeNeo4j;

namespace CiteGraph.Graph.Neo4j.Tests;

/// <summary>The Neo4j store's embedding statements on a fake Query API endpoint: what is sent, and how answers are read.</summary>
public sealed class Neo4jGraphStoreVectorTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeNeo4j _server = new();
    private readonly Neo4jGraphStore _store;

    /// <summary>The <c>data</c> answered to a statement, by statement name.</summary>
    private readonly Dictionary<string, string> _data = [];

    public Neo4jGraphStoreVectorTests()
    {
        _store = new Neo4jGraphStore(
            new Neo4jStoreOptions { Uri = new Uri("http://localhost:7474"), Password = "password", RetryDelay = TimeSpan.FromMilliseconds(1), BatchSize = 2 },
            _server);
        _server.Respond = r =>
        {
            if (r.Method == HttpMethod.Delete || r.Path.EndsWith("/commit", StringComparison.Ordinal))
            {
                return FakeNeo4j.Answer.Accepted("""{"data": {"fields": [], "values": []}, "bookmarks": ["FB:1"]}""");
            }

            var transaction = r.Path.EndsWith("/tx", StringComparison.Ordinal) ? """, "transaction": {"id": "t1", "expires": "2030-01-01T00:00:00Z"}""" : "";
            var data = _data.FirstOrDefault(d => CypherStatements.Get(d.Key) == Statement(r)).Value ?? """{"fields": [], "values": []}""";
            return FakeNeo4j.Answer.Accepted($$"""{"data": {{data}}, "bookmarks": []{{transaction}}}""");
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _server.Dispose();
    }

    private List<FakeNeo4j.Request> Sent(string name) =>
        _server.Requests.Where(r => r.Body is not null && r.Method == HttpMethod.Post && Statement(r) == CypherStatements.Get(name)).ToList();

    [Fact]
    public async Task Vectors_are_written_in_one_transaction_in_batches_with_every_component_a_float()
    {
        _data["write-embeddings"] = """{"fields": ["written"], "values": [[2]]}""";
        PaperVector[] vectors = [new("P1", "h1", [0f, 1f]), new("P2", "h2", [0.6f, 0.8f]), new("P3", "h3", [1f, 0f])];

        var written = await _store.WriteVectorsAsync(vectors, Ct);

        var batches = Sent("write-embeddings");
        Assert.Equal(2, batches.Count); // BatchSize 2
        Assert.Equal(4, written); // what the (fake) server counted, summed over batches
        Assert.Single(_server.Requests, r => r.Path.EndsWith("/commit", StringComparison.Ordinal));
        var first = Parameters(batches[0]).GetProperty("rows")[0];
        Assert.Equal(("P1", "h1"), (first.GetProperty("paperId").GetString(), first.GetProperty("textHash").GetString()));
        // The Query API types numbers by spelling: 0 would be an INTEGER, which a vector property refuses.
        Assert.Equal("[0.0,1.0]", first.GetProperty("vector").GetRawText());
        Assert.Equal("[0.6,0.8]", Parameters(batches[0]).GetProperty("rows")[1].GetProperty("vector").GetRawText());
    }

    [Fact]
    public async Task Nearest_papers_query_the_vector_index_and_turn_its_score_back_into_a_cosine()
    {
        _data["nearest-papers"] = """{"fields": ["paperId", "score"], "values": [["P2", 1.0], ["P1", 0.75]]}""";

        var nearest = await _store.NearestPapersAsync([0.6f, 0.8f], 2, Ct);

        var request = Assert.Single(Sent("nearest-papers"));
        Assert.Equal(2, Parameters(request).GetProperty("first").GetInt32());
        Assert.Equal([new PaperVectorMatch("P2", 1.0), new PaperVectorMatch("P1", 0.5)], nearest);
        Assert.Contains("db.index.vector.queryNodes('paper_embedding'", CypherStatements.Get("nearest-papers"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hashes_and_vectors_are_read_back_a_page_at_a_time()
    {
        _data["read-embedding-hashes"] = """{"fields": ["paperId", "textHash"], "values": [["P1", "h1"], ["P2", "h2"]]}""";
        _data["read-embeddings"] = """{"fields": ["paperId", "textHash", "vector"], "values": [["P1", "h1", [0.0, 1.0]]]}""";

        var hashes = await _store.ReadVectorHashesAsync(Ct);
        var vectors = await _store.ReadVectorsAsync(Ct).ToListAsync(Ct);

        Assert.Equal(new Dictionary<string, string> { ["P1"] = "h1", ["P2"] = "h2" }, hashes);
        Assert.Equal("", Parameters(Assert.Single(Sent("read-embedding-hashes"))).GetProperty("after").GetString());
        var vector = Assert.Single(vectors);
        Assert.Equal(("P1", "h1"), (vector.PaperId, vector.TextHash));
        Assert.Equal([0f, 1f], vector.Vector);
        Assert.Contains(CypherStatements.GetAll("schema"), s => s.StartsWith("CREATE VECTOR INDEX paper_embedding", StringComparison.Ordinal));
    }
}
