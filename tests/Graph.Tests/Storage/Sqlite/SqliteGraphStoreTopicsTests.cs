using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Tests.Storage.Sqlite;

public sealed class SqliteGraphStoreTopicsTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"citegraph-topics-{Guid.NewGuid():N}.db");
    private SqliteGraphStore _store = null!;
    private string[] _ids = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = new SqliteGraphStore(new SqliteStoreOptions { Path = _path });
        await _store.InitializeAsync(Ct);
        var records = new[] { "Sparse Lattice Attention", "Lattice Weather", "Tabular Shift" }.Select(t => Some.Resolved(Some.Record(t, line: t.Length))).ToArray();
        await _store.UpsertAsync(records, Ct);
        _ids = records.Select(r => r.PaperId).ToArray();
        Topic T(string name, int df, params string[] aliases) => new(name, aliases, df) { Idf = Math.Log(1 + 3.0 / df) };
        await _store.WriteTopicGraphAsync(new TopicGraph(
            [T("sparse lattice attention", 3, "SLA", "sparse-lattice attentions"), T("service level agreement", 1, "SLA"), T("weather forecasting", 1)],
            [new(_ids[0], 0, 1), new(_ids[1], 0, 0.5), new(_ids[2], 0, 0.4), new(_ids[1], 2, 1), new(_ids[2], 1, 1)],
            [new(_ids[1], _ids[0], 0.8, 1, ["sparse lattice attention"]), new(_ids[2], _ids[0], 0.5, 1, ["sparse lattice attention"])],
            [new(0, 2, 2, 0.4)]), Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("sparse lattice attention")]
    [InlineData("SLA")]
    [InlineData("sla")]
    [InlineData("Sparse-Lattice Attentions")]
    public async Task FindTopicAsync_matches_name_alias_and_spelling_variant_preferring_the_commoner_topic(string name) =>
        Assert.Equal("sparse lattice attention", (await _store.FindTopicAsync(name, Ct))?.Name);

    [Fact]
    public async Task FindTopicAsync_by_id_and_unknown_names()
    {
        var topic = await _store.FindTopicAsync(Topic.IdFor("service level agreement"), Ct);
        Assert.Equal(["SLA"], topic?.Aliases);
        Assert.Null(await _store.FindTopicAsync("no such topic", Ct));
    }

    [Fact]
    public async Task Topics_pages_papers_and_related_read_what_was_written()
    {
        var first = await _store.GetTopicsAsync(2, 0, TopicOrder.Df, Ct);
        var second = await _store.GetTopicsAsync(2, 2, TopicOrder.Df, Ct);
        Assert.Equal((3, true, false), (first.TotalCount, first.HasNextPage(0), second.HasNextPage(2)));
        Assert.Equal("sparse lattice attention", first.Items[0].Name);
        Assert.Equal(3, first.Items.Count + second.Items.Count);

        var papers = await _store.GetPapersOfTopicAsync("sparse lattice attention", 2, 0, Ct);
        Assert.Equal((3, _ids[0]), (papers.TotalCount, papers.Items[0].Id));
        var related = Assert.Single(await _store.GetRelatedTopicsAsync("weather forecasting", 5, Ct));
        Assert.Equal(("sparse lattice attention", 2), (related.Topic.Name, related.Count));
        var topics = await _store.GetTopicsOfPapersAsync([_ids[1]], Ct);
        Assert.Equal(["weather forecasting", "sparse lattice attention"], topics[_ids[1]].Select(t => t.Topic.Name));
        var coTopic = Assert.Single(await _store.GetCoTopicPapersAsync(_ids[1], 5, Ct));
        Assert.Equal((_ids[0], 0.8, "sparse lattice attention"), (coTopic.Paper.Id, coTopic.Score, coTopic.Reasons[0].Text));
    }

    [Fact]
    public async Task Writing_the_topic_graph_again_replaces_it()
    {
        await _store.WriteTopicGraphAsync(new TopicGraph([new Topic("weather forecasting", [], 1)], [new(_ids[1], 0, 1)], [], []), Ct);

        Assert.Null(await _store.FindTopicAsync("SLA", Ct));
        Assert.Equal(1, (await _store.GetTopicsAsync(10, 0, TopicOrder.Name, Ct)).TotalCount);
        Assert.Empty(await _store.GetCoTopicPapersAsync(_ids[1], 5, Ct));
    }

    [Fact]
    public async Task ReplaceInferredCitationsAsync_replaces_inferred_ones_and_never_shadows_explicit_ones()
    {
        await _store.UpsertCitationsAsync([new Citation(_ids[2], _ids[0], CitationKind.Explicit)], Ct);
        await _store.ReplaceInferredCitationsAsync([new Citation(_ids[1], _ids[2], CitationKind.Inferred, 0.7, "method: X")], Ct);

        var written = await _store.ReplaceInferredCitationsAsync(
            [new Citation(_ids[1], _ids[0], CitationKind.Inferred, 0.9, "method: SLA"), new Citation(_ids[2], _ids[0], CitationKind.Inferred, 0.8, "method: SLA")], Ct);

        Assert.Equal(1, written);
        var citedBy = await _store.GetCitationsAsync(new CitationQuery(_ids[0], CitationDirection.CitedBy, 10), Ct);
        Assert.Equal([(_ids[2], CitationKind.Explicit), (_ids[1], CitationKind.Inferred)], citedBy.Items.Select(c => (c.Paper.Id, c.Kind)));
        Assert.Equal(0, (await _store.GetCitationsAsync(new CitationQuery(_ids[1], CitationDirection.Cites, 10, MinConfidence: 0.95), Ct)).TotalCount);
        Assert.Equal(0, (await _store.GetCitationsAsync(new CitationQuery(_ids[2], CitationDirection.CitedBy, 10), Ct)).TotalCount);
        var page = await _store.GetCitationsAsync(new CitationQuery(_ids[0], CitationDirection.CitedBy, 1, After: 1, Kind: CitationKind.Inferred), Ct);
        Assert.Equal((1, 0), (page.TotalCount, page.Items.Count));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.ReplaceInferredCitationsAsync([new Citation(_ids[0], _ids[1], CitationKind.Explicit)], Ct));
    }
}
