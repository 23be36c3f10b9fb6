using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite.Tests;

/// <summary>
/// A paper's lone source does not repeat the paper's title and abstract in <c>paper_source</c> (schema 18,
/// <c>text_in_paper</c>); every read still gets each source's own text, and a second source puts the first one's back.
/// </summary>
public sealed class SqliteSourceTextTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"citegraph-source-text-{Guid.NewGuid():N}.db");
    private SqliteGraphStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        _store = new SqliteGraphStore(new SqliteStoreOptions { Path = _path });
        await _store.InitializeAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private const string Id = "P0000000000000001";

    private static PaperRecord Record(string title, string? @abstract, int line, string file = "a.jsonl") => new()
    {
        Title = title,
        Abstract = @abstract,
        ExternalIds = [new ExternalId(ExternalIdKind.OpenAlex, "W1")],
        Source = new SourceRef(file, line, "openalex"),
    };

    private async Task<List<(long Flag, string Title, string? Abstract)>> RawSourcesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT text_in_paper, title, abstract FROM paper_source ORDER BY source, line;";
        var rows = new List<(long, string, string?)>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return rows;
    }

    [Fact]
    public async Task A_lone_source_keeps_its_text_in_the_paper_row_and_reads_back_whole()
    {
        await _store.UpsertAsync([new ResolvedRecord(Id, Record("Sparse Lanterns", "We light sparse lanterns.", 1))], Ct);

        Assert.Equal([(1L, "", (string?)null)], await RawSourcesAsync());
        var source = Assert.Single((await _store.GetSourceRecordsAsync([Id], Ct))[Id]);
        Assert.Equal(("Sparse Lanterns", "We light sparse lanterns."), (source.Title, source.Abstract));
    }

    [Fact]
    public async Task A_second_source_puts_the_first_ones_text_back_and_each_reads_its_own()
    {
        await _store.UpsertAsync([new ResolvedRecord(Id, Record("Sparse Lanterns", "Short.", 1))], Ct);
        await _store.UpsertAsync([new ResolvedRecord(Id, Record("Sparse lanterns", "A much longer abstract about lanterns.", 7, "b.jsonl"))], Ct);

        Assert.Equal([(0L, "Sparse Lanterns", "Short."), (0L, "Sparse lanterns", "A much longer abstract about lanterns.")], await RawSourcesAsync());
        var sources = (await _store.GetSourceRecordsAsync([Id], Ct))[Id];
        Assert.Equal(["Short.", "A much longer abstract about lanterns."], sources.Select(s => s.Abstract));
        Assert.Equal("A much longer abstract about lanterns.", (await _store.FindPaperAsync(Id, Ct))!.Abstract);
    }

    [Fact]
    public async Task Loading_the_same_record_again_leaves_the_rows_as_one_load_wrote_them()
    {
        var record = new ResolvedRecord(Id, Record("Sparse Lanterns", "We light sparse lanterns.", 1));
        await _store.UpsertAsync([record], Ct);
        var once = await RawSourcesAsync();

        await _store.UpsertAsync([record], Ct);

        Assert.Equal(once, await RawSourcesAsync());
        Assert.Equal("We light sparse lanterns.", (await _store.FindPaperAsync(Id, Ct))!.Abstract);
    }
}
