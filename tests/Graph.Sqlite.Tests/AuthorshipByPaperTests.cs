using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Tests;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite.Tests;

/// <summary>
/// Authorship is keyed by paper (schema 24): a load appends each paper's rows at the end of the one tree they live in,
/// where keyed by author every row went into the middle of the tree at its author's place and again into a second index.
/// A store written before is migrated to the same rows and shape.
/// </summary>
public sealed class AuthorshipByPaperTests : IDisposable
{
    private const int Papers = 300;

    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    private static List<ResolvedRecord> Batch(int first, int count) =>
    [
        .. Enumerable.Range(first, count).Select(n => new ResolvedRecord($"W{n}", new PaperRecord
        {
            Title = $"Quiet harbours, part {n}",
            ExternalIds = [new ExternalId(ExternalIdKind.OpenAlex, $"W{n}")],
            // Positions that do not follow the authors' keys, and authors shared across papers.
            Authors = [$"Author {(n * 7) % 23}", $"Author {n % 11}", $"Author {(n * 3) % 17} Jr."],
            Source = new SourceRef("works.jsonl", n, "openalex"),
        }) { ResolvedAsNew = true }),
    ];

    private static async Task WriteAsync(SqliteGraphStore store)
    {
        await store.InitializeAsync(Ct);
        await store.UpsertAsync(Batch(1, Papers / 2), Ct);
        // A second source of papers already stored (the row-by-row merge path) and new ones.
        await store.UpsertAsync(Batch(Papers / 3, Papers - (Papers / 3) + 1), Ct);
    }

    [Fact]
    public async Task A_store_keyed_by_author_migrated_to_schema_24_holds_the_authorships_of_a_store_written_today()
    {
        var oldPath = _dir.File("by-author.db");
        var todayPath = _dir.File("by-paper.db");
        await using (var old = new SqliteGraphStore(new SqliteStoreOptions { Path = oldPath }) { SchemaCeiling = 23 })
        {
            await WriteAsync(old);
        }

        await using (var today = new SqliteGraphStore(new SqliteStoreOptions { Path = todayPath }))
        {
            await WriteAsync(today);
        }

        Assert.Equal("23", (await RowsAsync(oldPath, "PRAGMA user_version")).Single());
        Assert.Contains("PRIMARY KEY (author_pk, paper_pk)", (await RowsAsync(oldPath, "SELECT sql FROM sqlite_master WHERE name = 'authored'")).Single(), StringComparison.Ordinal);
        await using (var migrated = new SqliteGraphStore(new SqliteStoreOptions { Path = oldPath }))
        {
            await migrated.InitializeAsync(Ct);
        }

        const string Rows = "SELECT a.name, p.id, w.position FROM authored w JOIN author a ON a.pk = w.author_pk JOIN paper p ON p.pk = w.paper_pk ORDER BY 2, 3, 1";
        var rows = await RowsAsync(todayPath, Rows);
        Assert.Equal(Batch(1, Papers).Sum(r => r.Record.Authors.Distinct().Count()), rows.Count);
        Assert.Equal(rows, await RowsAsync(oldPath, Rows));
        const string Shape = "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'authored' ORDER BY name";
        Assert.Equal(await RowsAsync(todayPath, Shape), await RowsAsync(oldPath, Shape));
        Assert.Contains("PRIMARY KEY (paper_pk, author_pk)", (await RowsAsync(oldPath, "SELECT sql FROM sqlite_master WHERE name = 'authored'")).Single(), StringComparison.Ordinal);
        Assert.Empty(await RowsAsync(oldPath, "PRAGMA foreign_key_check (authored)"));
    }

    [Fact]
    public async Task A_papers_authors_are_read_by_the_primary_key_in_position_order()
    {
        var path = _dir.File("store.db");
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        await WriteAsync(store);

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        const string AuthorsOfPaper = """
            SELECT a.name FROM authored ad JOIN author a ON a.pk = ad.author_pk
            WHERE ad.paper_pk = (SELECT pk FROM paper WHERE id = 'W42') ORDER BY ad.position, a.name
            """;
        Assert.Contains(await QueryPlan.ReadAsync(connection, AuthorsOfPaper, Ct), step => step.Contains("SEARCH ad USING PRIMARY KEY (paper_pk=?)", StringComparison.Ordinal));
        await using var command = connection.CreateCommand();
        command.CommandText = AuthorsOfPaper;
        var names = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                names.Add(reader.GetString(0));
            }
        }

        Assert.Equal(["Author 18", "Author 9", "Author 7 Jr."], names); // (42 × 7) mod 23, 42 mod 11, (42 × 3) mod 17
    }

    private static async Task<List<string>> RowsAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : reader.GetValue(i).ToString())));
        }

        return rows;
    }
}
