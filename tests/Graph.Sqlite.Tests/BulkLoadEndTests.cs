using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Tests;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite.Tests;

/// <summary>
/// The end of a bulk load builds the indexes it deferred with a small page cache (SQLite then sorts each index's keys in
/// small runs on its worker threads while it reads the table) and gives the writer its own page cache back.
/// </summary>
public sealed class BulkLoadEndTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_bulk_load_builds_its_deferred_indexes_and_leaves_the_writers_page_cache_as_it_was()
    {
        var path = _dir.File("store.db");
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        await store.InitializeAsync(Ct);
        var before = await store.WriterCacheSizeAsync(Ct);
        Assert.NotEqual(SqliteGraphStore.IndexBuildCacheSize, before);

        await using (await store.BeginBulkLoadAsync(Ct))
        {
            await store.UpsertAsync(
                [
                    .. Enumerable.Range(1, 50).Select(n => new ResolvedRecord($"W{n}", new PaperRecord
                    {
                        Title = $"Tidal gauges, part {n}",
                        Published = new PartialDate(2000 + (n % 7), null, null),
                        ExternalIds = [new ExternalId(ExternalIdKind.OpenAlex, $"W{n}")],
                        References = [.. Enumerable.Range(1, 3).Select(k => new ExternalId(ExternalIdKind.OpenAlex, $"W{((n + k) % 60) + 1}"))],
                        Source = new SourceRef("works.jsonl", n, "openalex"),
                    }) { ResolvedAsNew = true }),
                ],
                Ct);
        }

        Assert.Equal(before, await store.WriterCacheSizeAsync(Ct));
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT group_concat(name) FROM (SELECT name FROM sqlite_master
            WHERE name IN ('cites_dst', 'cites_by_version', 'paper_year', 'change_event_of_paper') ORDER BY name);
            """;
        Assert.Equal("change_event_of_paper,cites_by_version,cites_dst,paper_year", (string?)await command.ExecuteScalarAsync(Ct));
    }
}
