using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Host.Tests;

/// <summary>
/// <c>stats</c> is served from the counts read with the snapshot (no table is counted per request); they must stay the
/// store's own counts after an ingest that adds papers and citations and merges a record into a paper already stored.
/// </summary>
public sealed class StatsCountersTests(DerivedStoreServer server) : IClassFixture<DerivedStoreServer>
{
    private const string Stats = "{ stats { papers citations inferredCitations topics coTopicEdges sources } }";

    [Fact]
    public async Task Stats_equal_the_stored_counts_before_and_after_an_ingest_with_new_and_merged_papers()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = server.CreateClient();
        Assert.Equal(await CountedAsync(ct), Served(await client.DataAsync(Stats)));

        // 40 new papers, and the first stored paper again from another source (a merge: one more source, no new paper).
        var content = string.Join('\n', DerivedStoreServer.Corpus.Skip(2_000).Append(DerivedStoreServer.Corpus[0]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new
            {
                query = "mutation($c: String!) { ingest(format: OPENALEX, content: $c) { new merged snapshotCurrent job { state } } }",
                variables = new { c = content },
            }),
        };
        request.Headers.Add("X-Api-Key", DerivedStoreServer.ApiKey);
        using var response = await client.SendAsync(request, ct);
        var ingest = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("data").GetProperty("ingest");
        Assert.Equal((40, 1), (ingest.GetProperty("new").GetInt32(), ingest.GetProperty("merged").GetInt32()));
        Assert.True(ingest.GetProperty("snapshotCurrent").GetBoolean());

        var after = Served(await client.DataAsync(Stats));
        Assert.Equal(await CountedAsync(ct), after);
        Assert.Equal(2_040, after[0]);
    }

    private static long[] Served(JsonElement data)
    {
        var stats = data.GetProperty("stats");
        return new[] { "papers", "citations", "inferredCitations", "topics", "coTopicEdges", "sources" }
            .Select(name => stats.GetProperty(name).GetInt64()).ToArray();
    }

    private async Task<long[]> CountedAsync(CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={server.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(ct);
        var counts = new List<long>();
        foreach (var sql in new[]
        {
            "SELECT COUNT(*) FROM paper WHERE is_stub = 0", "SELECT COUNT(*) FROM cites", "SELECT COUNT(*) FROM cites WHERE kind = 1",
            "SELECT COUNT(*) FROM topic", "SELECT COUNT(*) FROM co_topic", "SELECT COUNT(*) FROM paper_source",
        })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            counts.Add((long)(await command.ExecuteScalarAsync(ct))!);
        }

        return [.. counts];
    }
}
