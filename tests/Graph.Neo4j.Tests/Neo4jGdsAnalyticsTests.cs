using System.Text.Json;
using CiteGraph.Graph.Analytics;
using CiteGraph.Graph.Storage;
using static CiteGraph.Graph.Neo4j.Tests.FakeNeo4j;

namespace CiteGraph.Graph.Neo4j.Tests;

/// <summary>
/// In-database analytics on a fake Query API endpoint answering with GDS's documented YIELD columns: which statements
/// <c>analyze</c> sends in which order, with which settings, what it does with the answers, and how it chooses where to
/// run.
/// </summary>
public sealed class Neo4jGdsAnalyticsTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeNeo4j _server = new();
    private readonly Neo4jGraphStore _store;

    /// <summary>The <c>data</c> answered to a statement, by statement name; anything else answers no rows.</summary>
    private readonly Dictionary<string, string> _data = new(StringComparer.Ordinal)
    {
        ["gds-detect"] = """{"fields": ["name"], "values": [["gds.version"]]}""",
        ["gds-version"] = """{"fields": ["version"], "values": [["2.13.2"]]}""",
        ["gds-project"] = """{"fields": ["graphName", "nodeCount", "relationshipCount", "projectMillis"], "values": [["g", 5, 7, 3]]}""",
        ["gds-pagerank-write"] = """{"fields": ["nodePropertiesWritten", "ranIterations", "didConverge", "computeMillis", "writeMillis"], "values": [[5, 12, true, 1, 1]]}""",
        ["gds-leiden-write"] = """{"fields": ["communityCount", "ranLevels", "modularity", "nodePropertiesWritten", "computeMillis", "writeMillis"], "values": [[2, 3, 0.4125, 5, 1, 1]]}""",
        ["gds-write-communities"] = """{"fields": ["communities"], "values": [[2]]}""",
        ["gds-community-titles"] = """
            {"fields": ["id", "size", "titles"], "values": [
              [0, 3, ["Sparse attention for long documents", "Sparse attention kernels", "Attention with sparse lanterns"]],
              [1, 1, ["A lonely paper"]]]}
            """,
        ["gds-wcc-write"] = """{"fields": ["componentCount", "nodePropertiesWritten", "computeMillis", "writeMillis"], "values": [[2, 5, 1, 1]]}""",
        ["gds-kcore-write"] = """{"fields": ["degeneracy", "nodePropertiesWritten", "computeMillis", "writeMillis"], "values": [[2, 5, 1, 1]]}""",
        ["gds-drop"] = """{"fields": ["graphName"], "values": [["g"]]}""",
    };

    /// <summary>Statements answered with a Neo4j error.</summary>
    private readonly HashSet<string> _fail = new(StringComparer.Ordinal);

    public Neo4jGdsAnalyticsTests()
    {
        _store = new Neo4jGraphStore(new Neo4jStoreOptions { Uri = new Uri("http://localhost:7474"), Password = "password", RetryDelay = TimeSpan.FromMilliseconds(1) }, _server);
        _server.Respond = r =>
        {
            var name = NameOf(r);
            if (_fail.Contains(name))
            {
                return FakeNeo4j.Answer.Accepted("""{"errors": [{"code": "Neo.ClientError.Procedure.ProcedureCallFailed", "message": "Failed to invoke procedure"}]}""");
            }

            var data = _data.TryGetValue(name, out var d) ? d : """{"fields": [], "values": []}""";
            return FakeNeo4j.Answer.Accepted($$"""{"data": {{data}}, "bookmarks": []}""");
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _server.Dispose();
    }

    private static readonly Lazy<Dictionary<string, string>> Names = new(() => Directory.GetFiles(CypherStatements.Folder, "*.cypher")
        .Select(f => Path.GetFileNameWithoutExtension(f)!)
        .Where(n => n != "schema")
        .ToDictionary(n => CypherStatements.Get(n), n => n, StringComparer.Ordinal));

    private static string NameOf(FakeNeo4j.Request r)
    {
        using var body = JsonDocument.Parse(r.Body!);
        return Names.Value.TryGetValue(body.RootElement.GetProperty("statement").GetString()!, out var name) ? name : "?";
    }

    private List<string> Sent() => _server.Requests.Select(NameOf).ToList();

    private JsonElement ParametersOf(string name) => Parameters(_server.Requests.Single(r => NameOf(r) == name));

    [Fact]
    public async Task Analyze_projects_runs_the_four_kernels_with_the_in_process_settings_writes_communities_and_drops_the_projection()
    {
        var report = await _store.RunInDatabaseAsync(new AnalyticsRequest { Resolution = 0.5, Seed = 7 }, cancellationToken: Ct);

        Assert.Equal(
            ["gds-project", "gds-pagerank-write", "gds-leiden-write", "delete-communities", "gds-write-communities", "link-communities",
             "gds-community-titles", "gds-label-communities", "gds-wcc-write", "gds-kcore-write", "gds-drop", "write-analytics-run"],
            Sent());

        // One projection name throughout, dropped at the end.
        var graph = ParametersOf("gds-project").GetProperty("graph").GetString();
        Assert.StartsWith("citegraph-", graph, StringComparison.Ordinal);
        Assert.All(_server.Requests.Where(r => NameOf(r).StartsWith("gds-", StringComparison.Ordinal) && NameOf(r) is not ("gds-write-communities" or "gds-community-titles" or "gds-label-communities")),
            r => Assert.Equal(graph, Parameters(r).GetProperty("graph").GetString()));

        // Citations: a directed and an undirected view of CITES, a pair's parallel citations counted once.
        var projection = ParametersOf("gds-project").GetProperty("relationships");
        Assert.Equal(("CITES", "NATURAL", "SINGLE"), (projection.GetProperty("DIRECTED").GetProperty("type").GetString(),
            projection.GetProperty("DIRECTED").GetProperty("orientation").GetString(), projection.GetProperty("DIRECTED").GetProperty("aggregation").GetString()));
        Assert.Equal("UNDIRECTED", projection.GetProperty("UNDIRECTED").GetProperty("orientation").GetString());

        // PageRank and Leiden get the in-process kernels' settings and the request's resolution and seed.
        var pageRank = ParametersOf("gds-pagerank-write");
        var defaults = new PageRankOptions();
        Assert.Equal((defaults.Damping, defaults.MaxIterations, defaults.Tolerance, "DIRECTED"),
            (pageRank.GetProperty("damping").GetDouble(), pageRank.GetProperty("maxIterations").GetInt32(), pageRank.GetProperty("tolerance").GetDouble(),
             pageRank.GetProperty("directed").GetString()));
        Assert.Equal(JsonValueKind.Null, pageRank.GetProperty("weightProperty").ValueKind);
        var leiden = ParametersOf("gds-leiden-write");
        Assert.Equal((0.5, 7L, new LeidenOptions().Theta, new LeidenOptions().MaxLevels, "UNDIRECTED"),
            (leiden.GetProperty("resolution").GetDouble(), leiden.GetProperty("seed").GetInt64(), leiden.GetProperty("theta").GetDouble(),
             leiden.GetProperty("maxLevels").GetInt32(), leiden.GetProperty("undirected").GetString()));
        Assert.Equal(2, ParametersOf("gds-write-communities").GetProperty("level").GetInt32());

        // The community of more than one paper is labeled from its titles; the singleton keeps its number.
        var labels = ParametersOf("gds-label-communities").GetProperty("rows");
        var label = Assert.Single(labels.EnumerateArray());
        Assert.Equal(0, label.GetProperty("id").GetInt32());
        Assert.Contains("sparse", label.GetProperty("label").GetString()!, StringComparison.OrdinalIgnoreCase);

        // The run record, and the report from GDS's answers.
        var run = ParametersOf("write-analytics-run");
        Assert.Equal(("citations", 0.4125), (run.GetProperty("graph").GetString(), run.GetProperty("modularity").GetDouble()));
        Assert.Equal(["kcore", "leiden", "pagerank", "wcc"], run.GetProperty("algorithms").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal((5, 7, 2, 0.4125, 2), (report.Nodes, report.Edges, report.Communities, report.Modularity, report.WeakComponents));
        Assert.Equal(["project", "pagerank", "leiden", "wcc", "kcore"], report.Steps.Select(s => s.Algorithm));
        Assert.Equal("12 iterations, converged", report.Steps[1].Outcome);
    }

    [Fact]
    public async Task The_co_topic_graph_is_projected_with_its_weights_and_only_the_requested_kernels_run()
    {
        await _store.RunInDatabaseAsync(new AnalyticsRequest { Graph = AnalyticsGraph.CoTopic, Algorithms = new HashSet<AnalyticsAlgorithm> { AnalyticsAlgorithm.PageRank } }, cancellationToken: Ct);

        Assert.Equal(["gds-project", "gds-pagerank-write", "gds-drop", "write-analytics-run"], Sent());
        var view = ParametersOf("gds-project").GetProperty("relationships").GetProperty("DIRECTED");
        Assert.Equal(("CO_TOPIC", "weight"), (view.GetProperty("type").GetString(), view.GetProperty("properties").GetString()));
        Assert.Equal("weight", ParametersOf("gds-pagerank-write").GetProperty("weightProperty").GetString());
        Assert.Equal("cotopic", ParametersOf("write-analytics-run").GetProperty("graph").GetString());
    }

    [Fact]
    public async Task A_failing_kernel_still_drops_the_projection_and_writes_no_run_record()
    {
        _fail.Add("gds-leiden-write");

        var failure = await Assert.ThrowsAsync<Neo4jException>(() => _store.RunInDatabaseAsync(new AnalyticsRequest(), cancellationToken: Ct));

        Assert.Equal("Neo.ClientError.Procedure.ProcedureCallFailed", failure.Code);
        Assert.Equal(["gds-project", "gds-pagerank-write", "gds-leiden-write", "gds-drop"], Sent());
    }

    [Fact]
    public async Task Detection_asks_for_the_gds_version_function_before_calling_it()
    {
        Assert.Equal("Neo4j Graph Data Science 2.13.2", await _store.DetectInDatabaseAnalyticsAsync(Ct));
        Assert.Equal(["gds-detect", "gds-version"], Sent());

        _server.Requests.Clear();
        _data["gds-detect"] = """{"fields": ["name"], "values": []}""";
        Assert.Null(await _store.DetectInDatabaseAnalyticsAsync(Ct));
        Assert.Equal(["gds-detect"], Sent());
    }

    [Fact]
    public async Task Analyze_runs_in_the_database_when_GDS_covers_the_request_and_says_why_when_it_does_not()
    {
        var citations = new AnalyticsRequest { Graph = AnalyticsGraph.Citations };
        var auto = await AnalyticsPlacement.ChooseAsync(_store, citations, AnalyticsPlacementChoice.Auto, Ct);
        Assert.Equal((true, "in the database: Neo4j Graph Data Science 2.13.2", (string?)null), (auto.InDatabase, auto.Reason, auto.Error));
        // The automatic graph choice (the default) may join several layers and embeddings: built in process, and said so.
        var hybrid = await AnalyticsPlacement.ChooseAsync(_store, new AnalyticsRequest(), AnalyticsPlacementChoice.Auto, Ct);
        Assert.False(hybrid.InDatabase);
        Assert.Contains("built in process", hybrid.Reason, StringComparison.Ordinal);

        var betweenness = new AnalyticsRequest { Graph = AnalyticsGraph.Citations, Algorithms = new HashSet<AnalyticsAlgorithm> { AnalyticsAlgorithm.PageRank, AnalyticsAlgorithm.Betweenness } };
        var fallback = await AnalyticsPlacement.ChooseAsync(_store, betweenness, AnalyticsPlacementChoice.Auto, Ct);
        Assert.False(fallback.InDatabase);
        Assert.StartsWith("in process: betweenness not run in the database", fallback.Reason, StringComparison.Ordinal);
        Assert.NotNull((await AnalyticsPlacement.ChooseAsync(_store, betweenness, AnalyticsPlacementChoice.InDatabase, Ct)).Error);

        var forced = await AnalyticsPlacement.ChooseAsync(_store, citations, AnalyticsPlacementChoice.InProcess, Ct);
        Assert.False(forced.InDatabase);

        _data["gds-detect"] = """{"fields": ["name"], "values": []}""";
        var noGds = await AnalyticsPlacement.ChooseAsync(_store, citations, AnalyticsPlacementChoice.Auto, Ct);
        Assert.Equal((false, "in process: Neo4j has no Graph Data Science library (no gds.version function)"), (noGds.InDatabase, noGds.Reason));
        var required = await AnalyticsPlacement.ChooseAsync(_store, citations, AnalyticsPlacementChoice.InDatabase, Ct);
        Assert.Equal("--in-database: Neo4j has no Graph Data Science library (no gds.version function)", required.Error);
    }

    [Fact]
    public async Task A_bulk_export_table_is_read_in_keyset_pages_skipping_anchors_without_rows()
    {
        // First page: a full page of 10,000 anchors (only two rows shown), one of them citing nothing; the second is short.
        var pages = 0;
        _server.Respond = r =>
        {
            var data = pages++ == 0
                ? """{"fields": ["pageSize", "cursor", "source", "target", "kind", "confidence", "evidence"], "values": [[10000, 4, "P1", "P2", "explicit", 1.0, "a.txt:1"], [10000, 9, null, null, null, null, null]]}"""
                : """{"fields": ["pageSize", "cursor", "source", "target", "kind", "confidence", "evidence"], "values": [[1, 12, "P3", "P1", "inferred", 0.75, "builds on P1"]]}""";
            return FakeNeo4j.Answer.Accepted($$"""{"data": {{data}}, "bookmarks": []}""");
        };

        var rows = new List<object?[]>();
        await foreach (var row in _store.ReadExportRowsAsync(ExportTable.Cites, Ct))
        {
            rows.Add(row);
        }

        Assert.Equal([["P1", "P2", "explicit", 1.0, "a.txt:1"], ["P3", "P1", "inferred", 0.75, "builds on P1"]], rows);
        Assert.Equal(["export-cites", "export-cites"], Sent());
        Assert.Equal([-1L, 9L], _server.Requests.Select(r => Parameters(r).GetProperty("after").GetInt64()));
        Assert.All(_server.Requests, r => Assert.Equal(10_000, Parameters(r).GetProperty("limit").GetInt32()));
    }
}
