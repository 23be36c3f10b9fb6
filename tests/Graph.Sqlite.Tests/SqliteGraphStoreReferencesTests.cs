using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Sqlite;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite.Tests;

public sealed class SqliteGraphStoreReferencesTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"citegraph-refs-{Guid.NewGuid():N}.db");
    private SqliteGraphStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        _store = new SqliteGraphStore(new SqliteStoreOptions { Path = _path });
        await _store.InitializeAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static ExternalId W(int n) => new(ExternalIdKind.OpenAlex, $"W{n}");

    private static PaperRecord Record(string title, ExternalId id, params ExternalId[] references) => new()
    {
        Title = title,
        ExternalIds = [id],
        References = references,
        Authors = ["Ada Quill", "Bo Lindqvist"],
        Source = new SourceRef("works.jsonl", 1, "openalex"),
    };

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    [Fact]
    public async Task UpsertAsync_ReferenceToUnknownPaper_CreatesStubAndExplicitCite()
    {
        await _store.UpsertAsync([new ResolvedRecord("P0000000000000001", Record("Citing", W(1), W(2)))], TestContext.Current.CancellationToken);

        var stats = await _store.GetStatsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, stats.Papers);
        Assert.Equal(1, stats.Citations);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM paper WHERE is_stub = 1 AND title_key = ''"));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM cites WHERE kind = 0 AND confidence = 1.0"));
        var cites = await _store.GetCitationsAsync(new CitationQuery("P0000000000000001", CitationDirection.Cites, 10), TestContext.Current.CancellationToken);
        Assert.Equal("works.jsonl:1", Assert.Single(cites.Items).Evidence);
        var stub = await _store.FindPaperAsync("W2", TestContext.Current.CancellationToken);
        Assert.Equal(PaperId.ForExternal(W(2)), stub!.Id);
    }

    [Fact]
    public async Task A_citation_stored_with_its_evidence_as_text_before_schema_6_still_reads_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await _store.UpsertAsync([new ResolvedRecord("P0000000000000001", Record("Citing", W(1), W(2)))], ct);
        // What a schema-5 store held: the text in evidence, no source reference.
        await CountAsync("UPDATE cites SET evidence = 'old-dump.jsonl:41', source_pk = NULL, source_line = NULL RETURNING 0");

        var cites = await _store.GetCitationsAsync(new CitationQuery("P0000000000000001", CitationDirection.Cites, 10), ct);

        Assert.Equal("old-dump.jsonl:41", Assert.Single(cites.Items).Evidence);
    }

    [Fact]
    public async Task UpsertAsync_RecordOwningAStubId_AbsorbsTheStub()
    {
        await _store.UpsertAsync([new ResolvedRecord("P0000000000000001", Record("Citing", W(1), W(2)))], TestContext.Current.CancellationToken);

        await _store.UpsertAsync([new ResolvedRecord("P0000000000000002", Record("Cited", W(2)))], TestContext.Current.CancellationToken);

        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM paper WHERE is_stub = 1"));
        Assert.Equal(2, (await _store.GetStatsAsync(TestContext.Current.CancellationToken)).Papers);
        Assert.Equal("P0000000000000002", (await _store.FindPaperAsync("W2", TestContext.Current.CancellationToken))!.Id);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM cites c JOIN paper p ON p.pk = c.dst_pk WHERE p.id = 'P0000000000000002'"));
    }

    [Fact]
    public async Task UpsertAsync_SameBatchTwice_ChangesNothing()
    {
        var batch = new[] { new ResolvedRecord("P0000000000000001", Record("Citing", W(1), W(2), W(3))) };
        await _store.UpsertAsync(batch, TestContext.Current.CancellationToken);
        var before = await _store.GetStatsAsync(TestContext.Current.CancellationToken);

        await _store.UpsertAsync(batch, TestContext.Current.CancellationToken);

        Assert.Equal(before, await _store.GetStatsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(3, await CountAsync("SELECT COUNT(*) FROM paper"));
        Assert.Equal(2, await CountAsync("SELECT COUNT(*) FROM authored"));
    }

    [Fact]
    public async Task ReadIdentitiesAsync_ReportsStubsAndOtherExternalIds()
    {
        await _store.UpsertAsync([new ResolvedRecord("P0000000000000001", Record("Citing", W(1), W(2)))], TestContext.Current.CancellationToken);

        var identities = new List<PaperIdentity>();
        await foreach (var identity in _store.ReadIdentitiesAsync(TestContext.Current.CancellationToken))
        {
            identities.Add(identity);
        }

        var real = Assert.Single(identities, i => !i.IsStub);
        Assert.Equal([W(1)], real.ExternalIds);
        var stub = Assert.Single(identities, i => i.IsStub);
        Assert.Equal([W(2)], stub.ExternalIds);
        Assert.Equal("", stub.TitleKey);
    }
}
