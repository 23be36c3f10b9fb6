using CiteGraph.Graph.Export;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Graph.Traversal;
using Microsoft.Data.Sqlite;
using CiteGraph.Tests;

namespace CiteGraph.Graph.Tests.Export;

/// <summary>Exports built from a real SQLite store holding one edge of each kind.</summary>
public sealed class ExportGraphBuilderTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"citegraph-export-kinds-{Guid.NewGuid():N}.db");
    private SqliteGraphStore _store = null!;
    private GraphSnapshot _snapshot = null!;

    // A cites B; C cites A (inferred); A and C share a repository; D shares topics with B and nothing else; E is alone.
    private string[] _ids = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string A => _ids[0];

    private string B => _ids[1];

    private string C => _ids[2];

    private string D => _ids[3];

    public async ValueTask InitializeAsync()
    {
        _store = new SqliteGraphStore(new SqliteStoreOptions { Path = _path });
        await _store.InitializeAsync(Ct);
        var records = new[]
        {
            Some.Record("Sparse Lattice Attention", line: 1, repo: "https://github.com/lattice/sla"),
            Some.Record("Dense Grid Baselines", line: 2),
            Some.Record("Lattice Attention at Scale", line: 3, repo: "https://github.com/lattice/sla"),
            Some.Record("Grid Weather Models", line: 4),
            Some.Record("An Unrelated Survey", line: 5),
        }.Select(Some.Resolved).ToArray();
        await _store.UpsertAsync(records, Ct);
        _ids = records.Select(r => r.PaperId).ToArray();
        await _store.UpsertCitationsAsync(
        [
            new Citation(A, B, CitationKind.Explicit),
            new Citation(C, A, CitationKind.Inferred, 0.9, "as in sparse lattice attention"),
        ], Ct);
        await _store.WriteTopicGraphAsync(new TopicGraph(
            [new Topic("dense grid", [], 2) { Idf = 1 }],
            [new(B, 0, 1), new(D, 0, 1)],
            [new(D, B, 0.6, 1, ["dense grid"])],
            []), Ct);
        _snapshot = await new SnapshotHolder(_store).RebuildAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private Task<ExportGraph> BuildAsync(ExportScope scope) => ExportGraphBuilder.BuildAsync(_snapshot, _store, scope, Ct);

    [Fact]
    public async Task Whole_graph_export_writes_every_kind_with_co_topic_links_undirected()
    {
        var graph = await BuildAsync(ExportScope.Everything);

        Assert.Equal(5, graph.Nodes.Count);
        Assert.Equal(
            [ExportEdgeKinds.Cites, ExportEdgeKinds.CitesInferred, ExportEdgeKinds.CoTopic, ExportEdgeKinds.SharedRepo],
            graph.Edges.Select(e => e.Kind).Order(StringComparer.Ordinal));
        var coTopic = Assert.Single(graph.Edges, e => e.Kind == ExportEdgeKinds.CoTopic);
        Assert.Equal((false, 0.6), (coTopic.Directed, Math.Round(coTopic.Confidence, 5)));
        Assert.Equal(new[] { B, D }.Order(StringComparer.Ordinal), new[] { coTopic.Source, coTopic.Target }.Order(StringComparer.Ordinal));
        Assert.True(graph.Mixed);
    }

    [Theory]
    [InlineData(EdgeKinds.Cites, new[] { ExportEdgeKinds.Cites })]
    [InlineData(EdgeKinds.Citations, new[] { ExportEdgeKinds.Cites, ExportEdgeKinds.CitesInferred })]
    [InlineData(EdgeKinds.SharedRepo, new[] { ExportEdgeKinds.SharedRepo })]
    [InlineData(EdgeKinds.CoTopic | EdgeKinds.CitesInferred, new[] { ExportEdgeKinds.CitesInferred, ExportEdgeKinds.CoTopic })]
    public async Task Whole_graph_export_of_some_kinds_keeps_every_paper_and_only_their_edges(EdgeKinds kinds, string[] expected)
    {
        var all = await BuildAsync(ExportScope.Everything);
        var some = await BuildAsync(ExportScope.Everything with { Kinds = kinds });

        Assert.Equal(all.Nodes.Select(n => n.Id), some.Nodes.Select(n => n.Id));
        Assert.Equal(all.Edges.Where(e => expected.Contains(e.Kind)), some.Edges);
        Assert.Equal(expected, some.Edges.Select(e => e.Kind).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Seeded_export_follows_only_the_chosen_kinds()
    {
        var everything = await BuildAsync(new ExportScope { Seeds = [D], Radius = 3 });
        var citations = await BuildAsync(new ExportScope { Seeds = [D], Radius = 3, Kinds = EdgeKinds.Citations });
        var topicsAndCitations = await BuildAsync(new ExportScope { Seeds = [D], Radius = 3, Kinds = EdgeKinds.CoTopic | EdgeKinds.Citations });

        Assert.Equal([D, B, A, C], everything.Nodes.Select(n => n.Id));
        Assert.Equal(4, everything.Edges.Count);
        Assert.Equal([D], citations.Nodes.Select(n => n.Id));
        Assert.Empty(citations.Edges);
        Assert.Equal([D, B, A, C], topicsAndCitations.Nodes.Select(n => n.Id));
        Assert.Equal([ExportEdgeKinds.Cites, ExportEdgeKinds.CitesInferred, ExportEdgeKinds.CoTopic], topicsAndCitations.Edges.Select(e => e.Kind).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Export_without_edge_kinds_is_refused() =>
        await Assert.ThrowsAsync<ArgumentException>(() => BuildAsync(ExportScope.Everything with { Kinds = EdgeKinds.None }));
}
