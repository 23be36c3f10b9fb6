using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Tests;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite.Tests;

/// <summary>
/// A new paper's references are written as multi-row inserts of up to 32 rows: every reference becomes one citation,
/// whatever the count, with stubs for papers not stored, a repeated reference once, each row with its source and line.
/// </summary>
public sealed class FreshCitationRowsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_new_paper_with_more_references_than_one_insert_holds_cites_each_of_them_once_from_its_source_line()
    {
        var path = _dir.File("store.db");
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        await store.InitializeAsync(Ct);
        // 40 papers stored first; then papers citing 0, 1, 32, 33 and 75 of them and of unknown ones (stubs), one reference repeated.
        await store.UpsertAsync([.. Enumerable.Range(1, 40).Select(n => Record(n, []))], Ct);
        var counts = new[] { 0, 1, 32, 33, 75 };
        await store.UpsertAsync(
            [.. counts.Select((count, i) => Record(100 + i, [.. Enumerable.Range(1, count).Select(k => new ExternalId(ExternalIdKind.OpenAlex, $"W{(k * 7 % 60) + 1}")), .. count > 0 ? new[] { new ExternalId(ExternalIdKind.OpenAlex, "W8") } : []]))],
            Ct);

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        for (var i = 0; i < counts.Length; i++)
        {
            var expected = Enumerable.Range(1, counts[i]).Select(k => $"W{(k * 7 % 60) + 1}").Append(counts[i] > 0 ? "W8" : null).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT e.value, c.source_line, f.name FROM cites c JOIN paper s ON s.pk = c.src_pk
                JOIN external_id e ON e.paper_pk = c.dst_pk AND e.kind = 'OpenAlex' JOIN source_file f ON f.pk = c.source_pk
                WHERE s.id = $id ORDER BY e.value;
                """;
            command.Parameters.AddWithValue("$id", $"W{100 + i}");
            var cited = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync(Ct))
            {
                while (await reader.ReadAsync(Ct))
                {
                    Assert.Equal(100 + i, reader.GetInt32(1));
                    Assert.Equal("works.jsonl", reader.GetString(2));
                    cited.Add(reader.GetString(0));
                }
            }

            Assert.Equal(expected, cited);
        }
    }

    private static ResolvedRecord Record(int n, IReadOnlyList<ExternalId> references) =>
        new($"W{n}", new PaperRecord
        {
            Title = $"Salt marshes, part {n}",
            ExternalIds = [new ExternalId(ExternalIdKind.OpenAlex, $"W{n}")],
            References = references,
            Source = new SourceRef("works.jsonl", n, "openalex"),
        })
        { ResolvedAsNew = true };
}
