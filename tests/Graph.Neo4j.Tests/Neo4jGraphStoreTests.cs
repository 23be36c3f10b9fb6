using System.Text.Json;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Neo4j;
using static CiteGraph.Graph.Neo4j.Tests.FakeNeo4j;

namespace CiteGraph.Graph.Neo4j.Tests;

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

    /// <summary>The <c>data</c> the server answers to a statement, by statement name (documented plain-JSON payloads).</summary>
    private readonly Dictionary<string, string> _data = [];

    /// <summary>Statements that failed once with a transient error already (to fail only the first time).</summary>
    private readonly HashSet<string> _failOnce = [];

    private static JsonElement Rows(FakeNeo4j.Request r) => Parameters(r).GetProperty("rows");

    private FakeNeo4j.Request Sent(string name) => _server.Requests.Single(r => r.Body is not null && Statement(r) == CypherStatements.Get(name));

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
        var named = _data.FirstOrDefault(d => CypherStatements.Get(d.Key) == statement).Value;
        var data = named is not null
            ? named
            : statement == CypherStatements.Get("read-sources")
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
            ["upsert-sources", "read-sources", "update-papers", "find-stubs", "upsert-external-ids", "upsert-references", "upsert-authors", "upsert-authors", "count-change"],
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

    private const string PaperMap = """{"id": "P0000000000000002", "title": "Lattice Weather", "abstract": "Forecasts.", "year": 2023, "seq": 2, "isStub": false, "keywords": ["weather"]}""";

    private const string TopicMap = """{"name": "sparse lattice attention", "aliases": ["SLA", "sparse-lattice attentions"], "df": 3, "idf": 0.6931471805599453}""";

    [Fact]
    public async Task Paper_texts_are_read_a_page_at_a_time_with_authors_keywords_and_known_mentions_in_order()
    {
        _data["read-paper-texts"] = """
            {"fields": ["seq", "id", "title", "abstract", "year", "published", "arxivId", "doi", "authors", "keywords", "mentions"],
             "values": [[1, "P0000000000000001", "Paper One", null, 2023, "2023-05", "2305.00001", null, ["Cy Moreau", "Ada Quill"],
                         ["retrieval", "agents"], ["Doi:10.1/x", "Arxiv:2001.08361", "Future:thing", "Doi:10.1/a:b"]]]}
            """;

        var texts = new List<PaperText>();
        await foreach (var text in _store.ReadPaperTextsAsync(Ct))
        {
            texts.Add(text);
        }

        Assert.Equal(["read-paper-texts"], StatementNames());
        var parameters = Parameters(_server.Requests[0]);
        Assert.Equal((0, 10_000), (parameters.GetProperty("after").GetInt32(), parameters.GetProperty("limit").GetInt32()));
        var paper = Assert.Single(texts);
        Assert.Equal(("P0000000000000001", "Paper One", (string?)null, (int?)2023, "2023-05", "2305.00001", (string?)null),
            (paper.Id, paper.Title, paper.Abstract, paper.Year, paper.Published, paper.ArxivId, paper.Doi));
        Assert.Equal(["Cy Moreau", "Ada Quill"], paper.Authors);
        Assert.Equal(["agents", "retrieval"], paper.Keywords);
        Assert.Equal(
            [new ExternalId(ExternalIdKind.Arxiv, "2001.08361"), new ExternalId(ExternalIdKind.Doi, "10.1/a:b"), new ExternalId(ExternalIdKind.Doi, "10.1/x")],
            paper.Mentions);
    }

    [Fact]
    public async Task Keywords_are_written_with_the_load_as_a_set_per_paper()
    {
        await _store.UpsertAsync([Record("Paper One", 1) with { Record = Record("Paper One", 1).Record with { Keywords = ["graphs", "agents", "graphs"] } }], Ct);

        var row = Assert.Single(Rows(Sent("upsert-keywords")).EnumerateArray());
        Assert.Equal("P0000000000000001", row.GetProperty("paperId").GetString());
        Assert.Equal(["agents", "graphs"], row.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public async Task The_topic_graph_is_replaced_in_one_transaction_with_names_and_look_up_keys()
    {
        Topic T(string name, int df, params string[] aliases) => new(name, aliases, df) { Idf = 0.5 };
        await _store.WriteTopicGraphAsync(new TopicGraph(
            [T("sparse lattice attention", 3, "SLA"), T("service level agreement", 1, "SLA"), T("weather forecasting", 1)],
            [new("P1", 0, 1), new("P2", 2, 0.5)],
            [new("P2", "P1", 0.8, 1, ["sparse lattice attention"])],
            [new(0, 2, 2, 0.4)]), Ct);

        Assert.Equal(["delete-topic-layer", "write-topics", "write-topics", "write-has-topic", "write-co-topic", "write-co-occurs", "count-change"], StatementNames());
        Assert.Equal("/db/neo4j/query/v2/tx", _server.Requests[0].Path);
        Assert.Equal("/db/neo4j/query/v2/tx/t1/commit", _server.Requests[^1].Path);
        var topic = Rows(_server.Requests.First(r => r.Body is not null && Statement(r) == CypherStatements.Get("write-topics")))[0];
        Assert.Equal((Topic.IdFor("sparse lattice attention"), "sparse lattice attention", 3, 0.5),
            (topic.GetProperty("id").GetString(), topic.GetProperty("name").GetString(), topic.GetProperty("df").GetInt32(), topic.GetProperty("idf").GetDouble()));
        Assert.Equal(["SLA"], topic.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["sparse lattice attention", "\u0001" + TopicKey.Of("sparse lattice attention"), "sla", "\u0001" + TopicKey.Of("SLA")],
            topic.GetProperty("lookup").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal([("P1", "sparse lattice attention", 1.0), ("P2", "weather forecasting", 0.5)],
            Rows(Sent("write-has-topic")).EnumerateArray().Select(r => (r.GetProperty("paperId").GetString(), r.GetProperty("topic").GetString(), r.GetProperty("weight").GetDouble())));
        var coTopic = Rows(Sent("write-co-topic"))[0];
        Assert.Equal(("P2", "P1", 0.8, 1, "sparse lattice attention"), (coTopic.GetProperty("paperId").GetString(), coTopic.GetProperty("otherId").GetString(),
            coTopic.GetProperty("weight").GetDouble(), coTopic.GetProperty("shared").GetInt32(), coTopic.GetProperty("reasons")[0].GetString()));
        var coOccurs = Rows(Sent("write-co-occurs"))[0];
        Assert.Equal(("sparse lattice attention", "weather forecasting", 2, 0.4), (coOccurs.GetProperty("first").GetString(), coOccurs.GetProperty("second").GetString(),
            coOccurs.GetProperty("count").GetInt32(), coOccurs.GetProperty("pmi").GetDouble()));
        // Weights travel as floats even when whole.
        Assert.Contains("\"weight\":1.0", Sent("write-has-topic").Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inferred_citations_are_replaced_in_one_transaction_through_upsert_citations()
    {
        _data["upsert-citations"] = """{"fields": ["written"], "values": [[1]]}""";

        var written = await _store.ReplaceInferredCitationsAsync(
        [
            new Citation("P1", "P2", CitationKind.Inferred, 0.9, "method: SLA"), new Citation("P2", "P3", CitationKind.Inferred, 0.5),
            new Citation("P3", "P1", CitationKind.Inferred, 0.4, "arXiv:2101.00001"),
        ], Ct);

        Assert.Equal(2, written);
        Assert.Equal(["delete-inferred-citations", "upsert-citations", "upsert-citations", "count-change"], StatementNames());
        Assert.Equal("/db/neo4j/query/v2/tx/t1/commit", _server.Requests[^1].Path);
        var row = Rows(_server.Requests.First(r => r.Body is not null && Statement(r) == CypherStatements.Get("upsert-citations")))[0];
        Assert.Equal(("P1", "P2", "inferred", 0.9, "method: SLA"), (row.GetProperty("from").GetString(), row.GetProperty("to").GetString(),
            row.GetProperty("kind").GetString(), row.GetProperty("confidence").GetDouble(), row.GetProperty("evidence").GetString()));

        _server.Requests.Clear();
        await Assert.ThrowsAsync<ArgumentException>(() => _store.ReplaceInferredCitationsAsync([new Citation("P1", "P2", CitationKind.Explicit)], Ct));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_topic_is_looked_up_by_trimmed_text_lower_cased_alias_and_canonical_key()
    {
        _data["topic-by-name"] = $$"""{"fields": ["topic"], "values": [[{{TopicMap}}]]}""";

        var topic = await _store.FindTopicAsync(" Sparse-Lattice Attentions ", Ct);

        Assert.Equal(["topic-by-name"], StatementNames());
        var parameters = Parameters(_server.Requests[0]);
        Assert.Equal(("Sparse-Lattice Attentions", "sparse-lattice attentions", "\u0001" + TopicKey.Of("sparse lattice attention")),
            (parameters.GetProperty("raw").GetString(), parameters.GetProperty("alias").GetString(), parameters.GetProperty("key").GetString()));
        Assert.Equal(("sparse lattice attention", 3, 0.6931471805599453), (topic!.Name, topic.Df, topic.Idf));
        Assert.Equal(["SLA", "sparse-lattice attentions"], topic.Aliases);

        _data.Clear();
        Assert.Null(await _store.FindTopicAsync("nothing", Ct));
    }

    [Theory]
    [InlineData(TopicOrder.Df, "df")]
    [InlineData(TopicOrder.Name, "name")]
    [InlineData(TopicOrder.Growth, "growth")]
    public async Task A_page_of_topics_sends_the_order_by_name_and_reads_items_and_total(TopicOrder order, string sent)
    {
        _data["topics"] = $$"""{"fields": ["total", "items"], "values": [[3, [{{TopicMap}}]]]}""";

        var page = await _store.GetTopicsAsync(1, 2, order, Ct);

        var parameters = Parameters(Assert.Single(_server.Requests));
        Assert.Equal((1, 2, sent), (parameters.GetProperty("first").GetInt32(), parameters.GetProperty("after").GetInt32(), parameters.GetProperty("order").GetString()));
        Assert.Equal((3, "sparse lattice attention"), (page.TotalCount, Assert.Single(page.Items).Name));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.GetTopicsAsync(0, 0, order, Ct));
    }

    [Fact]
    public async Task Topics_of_papers_are_one_request_grouped_by_paper()
    {
        _data["topics-of-papers"] = $$"""
            {"fields": ["paperId", "topic", "weight"],
             "values": [["P2", {"name": "weather forecasting", "aliases": [], "df": 1, "idf": 1.0}, 1.0], ["P2", {{TopicMap}}, 0.5]]}
            """;

        var topics = await _store.GetTopicsOfPapersAsync(["P2", "P404", "P2"], Ct);

        Assert.Equal(["P2", "P404"], Parameters(Assert.Single(_server.Requests)).GetProperty("ids").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([("weather forecasting", 1.0), ("sparse lattice attention", 0.5)], topics["P2"].Select(t => (t.Topic.Name, t.Weight)));
        Assert.False(topics.ContainsKey("P404"));
    }

    [Fact]
    public async Task Papers_of_a_topic_are_a_page_with_the_total_and_an_unknown_topic_is_empty()
    {
        _data["papers-of-topic"] = $$"""{"fields": ["total", "papers"], "values": [[3, [{{PaperMap}}]]]}""";

        var page = await _store.GetPapersOfTopicAsync("sparse lattice attention", 1, 1, Ct);

        var parameters = Parameters(Assert.Single(_server.Requests));
        Assert.Equal(("sparse lattice attention", 1, 1), (parameters.GetProperty("name").GetString(), parameters.GetProperty("first").GetInt32(), parameters.GetProperty("after").GetInt32()));
        Assert.Equal((3, "P0000000000000002", "Lattice Weather", (int?)2023), (page.TotalCount, page.Items[0].Id, page.Items[0].Title, page.Items[0].Year));

        _data.Clear();
        Assert.Equal(0, (await _store.GetPapersOfTopicAsync("none", 1, 0, Ct)).TotalCount);
    }

    [Fact]
    public async Task Related_topics_read_count_and_pmi()
    {
        _data["related-topics"] = $$"""{"fields": ["topic", "papers", "pmi"], "values": [[{{TopicMap}}, 2, 0.4]]}""";

        var related = Assert.Single(await _store.GetRelatedTopicsAsync("weather forecasting", 5, Ct));

        var parameters = Parameters(Assert.Single(_server.Requests));
        Assert.Equal(("weather forecasting", 5), (parameters.GetProperty("name").GetString(), parameters.GetProperty("first").GetInt32()));
        Assert.Equal(("sparse lattice attention", 2, 0.4), (related.Topic.Name, related.Count, related.Pmi));
    }

    [Fact]
    public async Task Co_topic_papers_carry_the_shared_topics_as_reasons()
    {
        _data["co-topic-papers"] = $$"""{"fields": ["paper", "weight", "shared", "reasons"], "values": [[{{PaperMap}}, 0.8, 2, ["sparse lattice attention", "weather"]]]}""";

        var coTopic = Assert.Single(await _store.GetCoTopicPapersAsync("P1", 3, Ct));

        var parameters = Parameters(Assert.Single(_server.Requests));
        Assert.Equal(("P1", 3), (parameters.GetProperty("id").GetString(), parameters.GetProperty("first").GetInt32()));
        Assert.Equal(("P0000000000000002", 0.8), (coTopic.Paper.Id, coTopic.Score));
        Assert.Equal([new CoTopicReason("CO_TOPIC", "sparse lattice attention", 0.8), new CoTopicReason("CO_TOPIC", "weather", 0.8)], coTopic.Reasons);
    }

    [Fact]
    public async Task Co_topic_evidence_of_pairs_is_one_read_with_each_shared_topics_contribution()
    {
        _data["co-topic-evidence"] = """{"fields": ["a", "b", "weight", "reasons", "reasonWeights"], "values": [["P2", "P1", 0.6, ["latent diffusion", "diffusion"], [0.4, 0.2]]]}""";

        var evidence = await _store.GetCoTopicEvidenceAsync([new PaperPair("P2", "P1"), new PaperPair("P1", "P3")], Ct);

        var parameters = Parameters(Assert.Single(_server.Requests));
        Assert.Equal([["P2", "P1"], ["P1", "P3"]], parameters.GetProperty("pairs").EnumerateArray().Select(p => p.EnumerateArray().Select(x => x.GetString()).ToArray()));
        var reasons = Assert.Single(evidence).Value;
        Assert.Equal([new CoTopicReason("CO_TOPIC", "latent diffusion", 0.4), new CoTopicReason("CO_TOPIC", "diffusion", 0.2)], reasons);
    }

    [Fact]
    public async Task Broader_and_narrower_topics_of_a_page_of_topics_are_one_read_per_direction()
    {
        _data["topic-hierarchy"] = $$"""{"fields": ["name", "topic"], "values": [["attention", {{TopicMap}}]]}""";

        var narrower = await _store.GetTopicHierarchyAsync(["attention", "weather"], TopicRelation.Narrower, Ct);

        var parameters = Parameters(Assert.Single(_server.Requests));
        Assert.True(parameters.GetProperty("narrower").GetBoolean());
        Assert.Equal(["attention", "weather"], parameters.GetProperty("names").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal("sparse lattice attention", Assert.Single(narrower["attention"]).Name);
        Assert.False(narrower.ContainsKey("weather"));
    }

    [Fact]
    public async Task The_co_topic_graph_is_read_in_one_transaction_as_dense_weighted_edges()
    {
        _data["citation-nodes"] = """{"fields": ["id"], "values": [["a"], ["b"], ["c"]]}""";
        _data["co-topic-edges"] = """{"fields": ["source", "target", "weight"], "values": [["b", "a", 0.8], ["c", "a", 0.5], ["c", "gone", 0.1]]}""";

        var graph = await _store.ReadCoTopicGraphAsync(Ct);

        Assert.Equal(["citation-nodes", "co-topic-edges"], StatementNames());
        Assert.Equal("/db/neo4j/query/v2/tx/t1/commit", _server.Requests[^1].Path);
        Assert.Equal(["a", "b", "c"], graph.NodeIds);
        Assert.Equal([(1, 0, 0.8f), (2, 0, 0.5f)], graph.Sources.Select((s, e) => (s, graph.Targets[e], graph.Weights![e])));
    }

    [Theory]
    [InlineData(CitationDirection.Cites, null, true, null)]
    [InlineData(CitationDirection.CitedBy, CitationKind.Inferred, false, "inferred")]
    [InlineData(CitationDirection.CitedBy, CitationKind.Explicit, false, "explicit")]
    public async Task A_page_of_citations_sends_direction_kind_and_confidence_and_reads_links(
        CitationDirection direction, CitationKind? kind, bool outgoing, string? kindName)
    {
        _data["citations-of-paper"] = $$"""
            {"fields": ["total", "items"],
             "values": [[5, [{"paper": {{PaperMap}}, "kind": "explicit", "confidence": 1.0, "evidence": null},
                             {"paper": {{PaperMap}}, "kind": "inferred", "confidence": 0.7, "evidence": "method: SLA"}]]]}
            """;

        var page = await _store.GetCitationsAsync(new CitationQuery("P1", direction, 2, After: 1, Kind: kind, MinConfidence: 0.5), Ct);

        Assert.Equal(["citations-of-paper"], StatementNames());
        var parameters = Parameters(_server.Requests[0]);
        Assert.Equal(("P1", outgoing, kindName, 0.5, 2, 1), (parameters.GetProperty("id").GetString(), parameters.GetProperty("outgoing").GetBoolean(),
            parameters.GetProperty("kind").GetString(), parameters.GetProperty("minConfidence").GetDouble(), parameters.GetProperty("first").GetInt32(),
            parameters.GetProperty("after").GetInt32()));
        Assert.Equal(5, page.TotalCount);
        Assert.Equal([("P0000000000000002", CitationKind.Explicit, 1.0, (string?)null), ("P0000000000000002", CitationKind.Inferred, 0.7, "method: SLA")],
            page.Items.Select(c => (c.Paper.Id, c.Kind, c.Confidence, c.Evidence)));
    }
}
