using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Tests;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite.Tests;

/// <summary>
/// What the set-based writer binds for new papers (<see cref="RawInsert"/>: UTF-8 into one reused buffer, on raw handles)
/// is what a reader gets back, character for character, title keys included; and the search index built at the end of a bulk load finds every new paper and leaves FTS5's
/// settings as a later single write expects them.
/// </summary>
public sealed class FreshPaperRowsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    // Two-byte, three-byte and four-byte (a surrogate pair in .NET) UTF-8, and a text longer than the first buffer.
    private const string WideTitle = "Schrödinger’s lattice: 量子 walks on 𝔽₂ graphs";
    private static readonly string LongAbstract = string.Concat(Enumerable.Repeat("Ünïcode lanterns 🏮 light the lattice. ", 200));

    private static ResolvedRecord Record(int n, string title, string? @abstract, string? organization) =>
        new($"W{n}", new PaperRecord
        {
            Title = title,
            Abstract = @abstract,
            Organization = organization,
            ExternalIds = [new ExternalId(ExternalIdKind.OpenAlex, $"W{n}")],
            Authors = [$"Åsa Öberg {n}", "李 雷"],
            References = n == 1 ? [] : [new ExternalId(ExternalIdKind.OpenAlex, "W1"), new ExternalId(ExternalIdKind.Doi, $"10.1000/ß{n}")],
            Source = new SourceRef("wörks.jsonl", n, "openalex"),
        })
        { ResolvedAsNew = true };

    private static async Task<SqliteGraphStore> NewStoreAsync(string path)
    {
        var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        await store.InitializeAsync(Ct);
        return store;
    }

    [Fact]
    public async Task Text_bound_for_new_papers_reads_back_exactly_with_null_and_empty_kept_apart()
    {
        var path = _dir.File("fresh.db");
        await using var store = await NewStoreAsync(path);
        await store.UpsertAsync(
            [
                Record(1, WideTitle, LongAbstract, ""),
                Record(2, "Plain title", null, null),
            ],
            Ct);

        var wide = await store.FindPaperAsync("W1", Ct);
        Assert.NotNull(wide);
        Assert.Equal(WideTitle, wide.Title);
        Assert.Equal(LongAbstract, wide.Abstract);
        var plain = await store.FindPaperAsync("W2", Ct);
        Assert.NotNull(plain);
        Assert.Null(plain.Abstract);
        Assert.Null(plain.Organization);

        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT group_concat(name, '|') FROM (SELECT name FROM author ORDER BY name)),
                   (SELECT name FROM source_file),
                   (SELECT value FROM external_id WHERE kind = 'Doi'),
                   (SELECT typeof(organization) || ',' || typeof(abstract) FROM paper WHERE id = 'W2'),
                   (SELECT typeof(s.organization) || ',' || typeof(s.title) || ',' || length(s.title) || ',' || s.text_in_paper
                    FROM paper_source s JOIN paper p ON p.pk = s.paper_pk WHERE p.id = 'W1');
            """;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        Assert.Equal("Åsa Öberg 1|Åsa Öberg 2|李 雷", reader.GetString(0));
        Assert.Equal("wörks.jsonl", reader.GetString(1));
        Assert.Equal("10.1000/ß2", reader.GetString(2));
        Assert.Equal("null,null", reader.GetString(3));
        // The source's own organization is the empty text it gave; its title, kept in the paper row, is bound as "".
        Assert.Equal("text,text,0,1", reader.GetString(4));
    }

    [Fact]
    public async Task The_stored_title_key_of_a_new_paper_is_its_normalized_title_whatever_its_script()
    {
        var path = _dir.File("keys.db");
        await using var store = await NewStoreAsync(path);
        await store.UpsertAsync(
            [
                Record(1, WideTitle, null, null),
                Record(2, "Über Ṁatrices — a survey", null, null),
            ],
            Ct);

        var keys = new Dictionary<string, string>();
        await foreach (var identity in store.ReadIdentitiesAsync(Ct))
        {
            keys[identity.Id] = identity.TitleKey;
        }

        Assert.Equal(Identifiers.TitleKey(WideTitle), keys["W1"]);
        Assert.Equal(Identifiers.TitleKey("Über Ṁatrices — a survey"), keys["W2"]);
        Assert.NotEqual("", keys["W2"]);
    }

    [Fact]
    public async Task A_bulk_load_indexes_its_papers_for_search_and_puts_fts5_hash_size_back_to_its_default()
    {
        var path = _dir.File("bulk.db");
        await using var store = await NewStoreAsync(path);
        await using (await store.BeginBulkLoadAsync(Ct))
        {
            await store.UpsertAsync(
                [.. Enumerable.Range(1, 300).Select(n => Record(n, n == 150 ? WideTitle : $"Sparse lanterns, part {n}", LongAbstract, null))],
                Ct);
        }

        Assert.Equal(["W150"], (await store.SearchAsync("Schrödinger", 10, Ct)).Select(h => h.Paper.Id));
        Assert.Equal(300, (await store.SearchAsync("lanterns", 1000, Ct)).Count);

        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT v FROM paper_fts_config WHERE k = 'hashsize';";
        Assert.Equal(1L << 20, (long)(await command.ExecuteScalarAsync(Ct))!);
    }
}
