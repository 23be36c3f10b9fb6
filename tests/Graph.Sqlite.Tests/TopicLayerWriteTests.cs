using CiteGraph.Graph.Model;
using CiteGraph.Tests;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite.Tests;

/// <summary>
/// The topic graph is written with the indexes by topic dropped and built again with one sort before the transaction
/// commits (IndexesBuiltAfter): the store must end with exactly the indexes it had, and the reads by topic must use them.
/// </summary>
public sealed class TopicLayerWriteTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    private static async Task<List<string>> IndexDefinitionsAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name;";
        var definitions = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            definitions.Add(reader.GetString(0));
        }

        return definitions;
    }

    private static async Task<string> PlanAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Ct);
        return string.Join(" | ", await QueryPlan.ReadAsync(connection, sql, Ct));
    }

    [Fact]
    public async Task Writing_the_topic_graph_twice_leaves_every_index_as_the_migrations_made_it_and_reads_by_topic_use_them()
    {
        var path = _dir.File("topics.db");
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        await store.InitializeAsync(Ct);
        var records = Enumerable.Range(0, 6).Select(n => Some.Resolved(Some.Record($"Sparse lantern {n}", line: n + 1))).ToArray();
        await store.UpsertAsync(records, Ct);
        var ids = records.Select(r => r.PaperId).ToArray();
        var before = await IndexDefinitionsAsync(path);
        Assert.Contains(before, d => d.Contains("has_topic_topic", StringComparison.Ordinal));
        Assert.Contains(before, d => d.Contains("co_occurs_b", StringComparison.Ordinal));

        // Twice: the second write replaces a layer that is there, with its indexes (the first found them empty).
        for (var round = 0; round < 2; round++)
        {
            await store.WriteTopicGraphAsync(
                new TopicGraph(
                    [new Topic("lanterns", [], 4) { Idf = 0.4 }, new Topic("sparse lattices", ["sparse lattice"], 3) { Idf = 0.7 }],
                    [.. ids.Select((id, n) => new HasTopicRow(id, n % 2, 1.0 / (n + 1)))],
                    [new(ids[0], ids[2], 0.5, 1, ["lanterns"]) { ReasonWeights = [0.5] }],
                    [new(0, 1, 2, 0.3)]),
                Ct);
            Assert.Equal(before, await IndexDefinitionsAsync(path));
        }

        var page = await store.GetPapersOfTopicAsync("lanterns", 10, 0, Ct);
        Assert.Equal([ids[0], ids[2], ids[4]], page.Items.Select(p => p.Id));
        Assert.Contains("has_topic_topic", await PlanAsync(path, "SELECT paper_pk FROM has_topic WHERE topic_pk = 1 ORDER BY weight DESC;"), StringComparison.Ordinal);
    }
}
