using System.Net.Http.Json;
using System.Text.Json;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Derive;
using CiteGraph.Loaders.Generation;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;

namespace CiteGraph.Host.Tests;

/// <summary>A keyed server over a generated store of 2,000 papers derived in full before it starts.</summary>
public sealed class DerivedStoreServer : PreparedServerFactory, IAsyncLifetime
{
    public const string ApiKey = "incremental-key-51d2";

    /// <summary>The generated corpus: the first 2,000 lines are in the store, the rest are ingested by the tests.</summary>
    public static IReadOnlyList<string> Corpus { get; } = SyntheticCorpus.Lines(new GeneratorOptions { Papers = 2_040, RefsPerPaper = 3, Seed = 29 }).ToArray();

    public DerivedStoreServer()
    {
        Set("CiteGraph:ApiKey", ApiKey);
        Set("CiteGraph:Ingest:AnswerWithinSeconds", "25");
        // These tests check that an answer is consistent everywhere, snapshot included: wait for the rebuild too (by
        // default an answer comes once the derived layer is committed when the rebuild outlasts 2 s, as on a busy machine).
        Set("CiteGraph:Ingest:SnapshotWaitSeconds", "25");
    }

    public async ValueTask InitializeAsync()
    {
        var file = Directory.Write("older.jsonl", string.Join('\n', Corpus.Take(2_000)));
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = DatabasePath });
        var report = await new Ingestor(store).LoadAsync([InputFile.FromPath(file)], cancellationToken: TestContext.Current.CancellationToken);
        await DeriveStage.AfterLoadAsync(store, report, cancellationToken: TestContext.Current.CancellationToken);
    }
}

/// <summary>
/// The <c>ingest</c> mutation on a derived store derives only the papers it wrote (issue 17, item 3) and answers DONE
/// with the topic layer and the snapshot already holding them.
/// </summary>
public sealed class IncrementalIngestTests(DerivedStoreServer server) : IClassFixture<DerivedStoreServer>
{
    private const string Mutation = "mutation($c: String!) { ingest(format: OPENALEX, content: $c) { loaded new papersInStore job { state } } }";

    [Fact]
    public async Task An_ingest_into_a_derived_store_answers_done_with_topics_co_topics_and_snapshot_current()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = Mutation, variables = new { c = string.Join('\n', DerivedStoreServer.Corpus.Skip(2_000)) } }),
        };
        request.Headers.Add("X-Api-Key", DerivedStoreServer.ApiKey);
        using var response = await client.SendAsync(request, ct);
        var ingest = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("data").GetProperty("ingest");
        Assert.Equal("DONE", ingest.GetProperty("job").GetProperty("state").GetString());
        Assert.Equal((40, 2_040), (ingest.GetProperty("new").GetInt32(), ingest.GetProperty("papersInStore").GetInt32()));

        // The pass was the incremental one: the recorded full pass is still the one over the first 2,000 papers.
        await using (var store = new SqliteGraphStore(new SqliteStoreOptions { Path = server.DatabasePath }))
        {
            Assert.Equal(2_000, (await store.ReadFullDeriveAsync(ct))!.Papers);
        }

        // The ingested papers have topics and co-topic neighbours, and the snapshot (related, subgraph) knows them.
        var withNeighbours = 0;
        foreach (var line in DerivedStoreServer.Corpus.Skip(2_000).Take(10))
        {
            var id = JsonDocument.Parse(line).RootElement.GetProperty("id").GetString();
            var data = await client.DataAsync(
                "query($id: ID!) { paper(id: $id) { id topics { topic { name } } coTopic(first: 3) { paper { id } } } }", new { id });
            var paper = data.GetProperty("paper");
            Assert.NotEqual(0, paper.GetProperty("topics").GetArrayLength());
            if (paper.GetProperty("coTopic").GetArrayLength() > 0)
            {
                withNeighbours++;
                var related = await client.DataAsync(
                    "query($id: ID!) { related(paperId: $id, by: [CO_TOPIC], first: 3) { paper { id } } }", new { id = paper.GetProperty("id").GetString() });
                Assert.NotEqual(0, related.GetProperty("related").GetArrayLength());
            }
        }

        Assert.True(withNeighbours > 0, "some ingested papers have CO_TOPIC neighbours");
    }
}
