using System.Text.Json;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Storage.Neo4j;

namespace CiteGraph.Graph.Tests.Storage.Neo4j;

/// <summary>
/// The Neo4j store's conversation with the server, on a fake Query API endpoint: which statements a call sends, in which
/// transaction, with which rows, and how answers become model objects. (The semantics are the contract suite's job.)
/// </summary>
public sealed class Neo4jGraphStoreTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeNeo4j _server = new();
    private readonly Neo4jGraphStore _store;

    public Neo4jGraphStoreTests()
    {
        _store = new Neo4jGraphStore(
            new Neo4jStoreOptions { Uri = new Uri("http://localhost:7474"), Password = "password", RetryDelay = TimeSpan.FromMilliseconds(1), BatchSize = 2 },
            _server);
        _server.Respond = Answer;
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _server.Dispose();
    }

    /// <summary>Statements that failed once with a transient error already (to fail only the first time).</summary>
    private readonly HashSet<string> _failOnce = [];

    private static string Statement(FakeNeo4j.Request r)
    {
        using var body = JsonDocument.Parse(r.Body!);
        return body.RootElement.TryGetProperty("statement", out var s) ? s.GetString()! : "";
    }

    private static JsonElement Rows(FakeNeo4j.Request r)
    {
        using var body = JsonDocument.Parse(r.Body!);
        return body.RootElement.GetProperty("parameters").GetProperty("rows").Clone();
    }

    private FakeNeo4j.Answer Answer(FakeNeo4j.Request r)
    {
        if (r.Method == HttpMethod.Delete || r.Path.EndsWith("/commit", StringComparison.Ordinal))
        {
            return FakeNeo4j.Answer.Accepted("""{"data": {"fields": [], "values": []}, "bookmarks": ["FB:1"]}""");
        }

        var statement = Statement(r);
        if (_failOnce.Remove(statement))
        {
            return FakeNeo4j.Answer.Accepted("""{"errors": [{"code": "Neo.TransientError.Transaction.DeadlockDetected", "message": "deadlock"}]}""");
        }

        var transaction = r.Path.EndsWith("/tx", StringComparison.Ordinal)
            ? $$""", "transaction": {"id": "t{{_server.Requests.Count(q => q.Path.EndsWith("/tx", StringComparison.Ordinal))}}", "expires": "2030-01-01T00:00:00Z"}"""
            : "";
        var data = statement == CypherStatements.Get("read-sources")
            ? """
              {"fields": ["paperId", "source", "line", "format", "title", "abstract", "published", "authorsCount", "organization", "upvotes", "arxivId", "doi"],
               "values": [["P0000000000000001", "a.txt", 1, "test", "Paper One", "Short.", "2023", null, null, 3, null, null],
                          ["P0000000000000001", "b.txt", 7, "test", "Paper one", "A longer abstract.", "2023-05-01", 4, null, null, "2305.00001", null]]}
              """
            : statement == CypherStatements.Get("search")
            ? """
              {"fields": ["paper", "score"],
               "values": [[{"id": "P0000000000000001", "title": "Graph Weaver", "abstract": "We weave graphs.", "year": 2024, "seq": 1, "isStub": false, "pageRank": 0.15}, 2.5]]}
              """
            : """{"fields": [], "values": []}""";
        return FakeNeo4j.Answer.Accepted($$"""{"data": {{data}}, "bookmarks": []{{transaction}}}""");
    }

    private static ResolvedRecord Record(string title, int line) => new("P0000000000000001", new PaperRecord
    {
        Title = title,
        Abstract = "Short.",
        Authors = ["Ada Quill", "Bo Lindqvist", "Cy Moreau"],
        References = [new ExternalId(ExternalIdKind.OpenAlex, "W2")],
        ExternalIds = [new ExternalId(ExternalIdKind.OpenAlex, "W1")],
        Source = new SourceRef("a.txt", line, "test"),
    });

    private List<string> StatementNames() => _server.Requests
        .Where(r => r.Method == HttpMethod.Post && !r.Path.EndsWith("/commit", StringComparison.Ordinal))
        .Select(r => Directory.GetFiles(CypherStatements.Folder, "*.cypher").Select(Path.GetFileNameWithoutExtension)
            .FirstOrDefault(n => n != "schema" && CypherStatements.Get(n!) == Statement(r)) ?? "?")
        .ToList()!;

    [Fact]
    public async Task An_upsert_is_one_transaction_of_the_load_statements_in_order_with_batched_rows()
    {
        await _store.UpsertAsync([Record("Paper One", 1)], Ct);

        Assert.Equal(
            ["upsert-sources", "read-sources", "update-papers", "find-stubs", "upsert-external-ids", "upsert-references", "upsert-authors", "upsert-authors"],
            StatementNames());
        Assert.Equal("/db/neo4j/query/v2/tx", _server.Requests[0].Path);
        Assert.All(_server.Requests.Skip(1).SkipLast(1), r => Assert.Equal("/db/neo4j/query/v2/tx/t1", r.Path));
        Assert.Equal("/db/neo4j/query/v2/tx/t1/commit", _server.Requests[^1].Path);

        // The merged view is computed from every source the server returned, the most complete value winning.
        var update = Rows(_server.Requests.Single(r => Statement(r) == CypherStatements.Get("update-papers")))[0];
        Assert.Equal("A longer abstract.", update.GetProperty("abstract").GetString());
        Assert.Equal("2023-05-01", update.GetProperty("published").GetString());
        Assert.Equal(2023, update.GetProperty("year").GetInt32());
        Assert.Equal(3, update.GetProperty("upvotes").GetInt32());
        Assert.Equal("2305.00001", update.GetProperty("arxivId").GetString());

        var source = Rows(_server.Requests[0])[0];
        Assert.Equal("P0000000000000001\u001fa.txt\u001f1", source.GetProperty("key").GetString());
        Assert.Equal(1, source.GetProperty("index").GetInt32());
        var reference = Rows(_server.Requests.Single(r => Statement(r) == CypherStatements.Get("upsert-references")))[0];
        Assert.Equal(("OpenAlex:W2", PaperId.ForExternal(new ExternalId(ExternalIdKind.OpenAlex, "W2")), "OpenAlex W2", "a.txt:1"),
            (reference.GetProperty("key").GetString(), reference.GetProperty("stubId").GetString(), reference.GetProperty("stubTitle").GetString(),
             reference.GetProperty("evidence").GetString()));
        // Three authors in batches of two rows.
        Assert.Equal([2, 1], _server.Requests.Where(r => Statement(r) == CypherStatements.Get("upsert-authors")).Select(r => Rows(r).GetArrayLength()));
    }

    [Fact]
    public async Task Source_records_are_read_with_the_read_sources_statement_and_keep_every_merged_field()
    {
        var records = await _store.GetSourceRecordsAsync(["P0000000000000001"], Ct);

        Assert.Equal(["read-sources"], StatementNames());
        using var body = JsonDocument.Parse(_server.Requests[0].Body!);
        Assert.Equal(["P0000000000000001"], body.RootElement.GetProperty("parameters").GetProperty("ids").EnumerateArray().Select(e => e.GetString()));
        var list = records["P0000000000000001"];
        Assert.Equal(
            [
                (new SourceRef("a.txt", 1, "test"), "Paper One", "Short.", (PartialDate?)new PartialDate(2023, null, null), (int?)null, (int?)3, (string?)null),
                (new SourceRef("b.txt", 7, "test"), "Paper one", "A longer abstract.", new PartialDate(2023, 5, 1), 4, null, "2305.00001"),
            ],
            list.Select(r => (r.Source, r.Title, r.Abstract, r.Published, r.AuthorsCount, r.Upvotes, r.ArxivId)));
    }

    [Fact]
    public async Task A_transient_error_inside_a_batch_retries_the_whole_transaction()
    {
        _failOnce.Add(CypherStatements.Get("upsert-authors"));

        await _store.UpsertAsync([Record("Paper One", 1)], Ct);

        Assert.Equal(2, _server.Requests.Count(r => r.Path.EndsWith("/tx", StringComparison.Ordinal)));
        Assert.Equal(["/db/neo4j/query/v2/tx/t2/commit"], _server.Requests.Where(r => r.Path.EndsWith("/commit", StringComparison.Ordinal)).Select(r => r.Path));
        Assert.DoesNotContain(_server.Requests, r => r.Method == HttpMethod.Delete);
    }

    [Fact]
    public async Task A_refused_statement_fails_the_batch_without_commit()
    {
        _server.Respond = r => Statement(r) == CypherStatements.Get("update-papers")
            ? FakeNeo4j.Answer.Accepted("""{"errors": [{"code": "Neo.ClientError.Schema.ConstraintValidationFailed", "message": "already exists"}]}""")
            : Answer(r);

        var ex = await Assert.ThrowsAsync<Neo4jException>(() => _store.UpsertAsync([Record("Paper One", 1)], Ct));

        Assert.Equal("Neo.ClientError.Schema.ConstraintValidationFailed", ex.Code);
        Assert.DoesNotContain(_server.Requests, r => r.Path.EndsWith("/commit", StringComparison.Ordinal));
        Assert.Single(_server.Requests, r => r.Path.EndsWith("/tx", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_sends_only_words_and_maps_hits_with_a_snippet()
    {
        var hits = await _store.SearchAsync("weaver\" OR title:*", 5, Ct);

        using var body = JsonDocument.Parse(Assert.Single(_server.Requests).Body!);
        var parameters = body.RootElement.GetProperty("parameters");
        Assert.Equal("+(title:weaver^10 abstract:weaver) +(title:or^10 abstract:or) +(title:title^10 abstract:title)", parameters.GetProperty("query").GetString());
        Assert.Equal(5, parameters.GetProperty("first").GetInt32());
        var hit = Assert.Single(hits);
        Assert.Equal(("P0000000000000001", "Graph Weaver", 2024, 0.15, 2.5), (hit.Paper.Id, hit.Paper.Title, hit.Paper.Year, hit.Paper.PageRank, hit.Score));
        Assert.Equal("Graph [Weaver]", hit.Snippet);
    }

    [Fact]
    public async Task Initialize_applies_each_schema_statement_as_its_own_request()
    {
        await _store.InitializeAsync(Ct);

        Assert.Equal(CypherStatements.GetAll("schema"), _server.Requests.Select(Statement));
        Assert.All(_server.Requests, r => Assert.Equal("/db/neo4j/query/v2", r.Path));
    }

    [Fact]
    public async Task Lineage_walks_one_neighbors_request_per_hop_up_to_the_depth()
    {
        // A chain a → b → c → d (a cites b, …): ancestors of a.
        var cites = new Dictionary<string, string> { ["a"] = "b", ["b"] = "c", ["c"] = "d" };
        _server.Respond = r =>
        {
            using var body = JsonDocument.Parse(r.Body!);
            var ids = body.RootElement.GetProperty("parameters").GetProperty("ids").EnumerateArray().Select(e => e.GetString()!).ToList();
            var rows = ids.Where(cites.ContainsKey).Select(id => $$"""["{{id}}", "{{cites[id]}}", true, "explicit", 1.0, null]""");
            return FakeNeo4j.Answer.Accepted($$$"""{"data": {"fields": ["id", "neighbor", "outgoing", "kind", "confidence", "evidence"], "values": [{{{string.Join(",", rows)}}}]}}""");
        };

        var lineage = await _store.GetLineageAsync("a", ancestors: true, maxDepth: 2, cancellationToken: Ct);

        Assert.Equal(new Dictionary<string, int> { ["a"] = 0, ["b"] = 1, ["c"] = 2 }, lineage.Depths);
        Assert.Equal([("a", "b"), ("b", "c")], lineage.Edges.Select(e => (e.Source, e.Target)));
        Assert.Equal(2, _server.Requests.Count);
        using var first = JsonDocument.Parse(_server.Requests[0].Body!);
        var parameters = first.RootElement.GetProperty("parameters");
        Assert.Equal((true, false), (parameters.GetProperty("outgoing").GetBoolean(), parameters.GetProperty("incoming").GetBoolean()));
        Assert.Equal(CypherStatements.Get("neighbors"), Statement(_server.Requests[0]));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.GetLineageAsync("a", true, Neo4jGraphStore.MaxTraversalDepth + 1, cancellationToken: Ct));
    }

    [Fact]
    public async Task A_path_is_read_back_as_citations_and_a_paper_to_itself_asks_nothing()
    {
        _server.Respond = _ => FakeNeo4j.Answer.Accepted("""
            {"data": {"fields": ["ids", "edges"], "values": [[["a", "b", "c"],
              [{"source": "a", "target": "b", "kind": "explicit", "confidence": 1.0}, {"source": "c", "target": "b", "kind": "inferred", "confidence": 0.5}]]]}}
            """);

        var path = await _store.FindPathAsync("a", "c", 3, Ct);
        Assert.Equal([("a", "b", CitationKind.Explicit), ("c", "b", CitationKind.Inferred)], path!.Select(e => (e.Source, e.Target, e.Kind)));
        Assert.Null(await _store.FindPathAsync("a", "c", 1, Ct));
        Assert.Empty((await _store.FindPathAsync("a", "a", 3, Ct))!);
        Assert.Equal(2, _server.Requests.Count);
    }
}
