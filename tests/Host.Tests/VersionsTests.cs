using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Graph.Storage.Versions;
using CiteGraph.Loaders.Derive;
using CiteGraph.Loaders.Generation;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Tests;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Host.Tests;

/// <summary>
/// Versions, the change feed and "as of" answers (issue 21) on a real SQLite file through the real HTTP pipeline: the two
/// seed listings loaded as the CLI loads them, one version each.
/// </summary>
public sealed class VersionsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Changes_since_the_first_listing_count_the_second_loads_new_and_merged_papers_and_asOf_shows_the_fields_before_the_merge()
    {
        var first = SharedData.Require("seeds/listing-daily-b.txt");
        var second = SharedData.Require("seeds/listing-search-c.txt");
        await using var server = new PreparedServerFactory();
        LoadReport one, two;
        await using (var store = new SqliteGraphStore(new SqliteStoreOptions { Path = server.DatabasePath }))
        {
            var options = new DeriveOptions { Embed = false };
            one = await DeriveStage.AfterLoadAsync(store, await new Ingestor(store).LoadAsync([InputFile.FromPath(first)], cancellationToken: Ct), options, cancellationToken: Ct);
            two = await DeriveStage.AfterLoadAsync(store, await new Ingestor(store).LoadAsync([InputFile.FromPath(second)], cancellationToken: Ct), options, cancellationToken: Ct);
        }

        Assert.NotNull(one.Version);
        Assert.True(two.Version > one.Version);
        Assert.True(two.Merged > 0, "the seed listings share papers");
        var v1 = $"v{one.Version}";
        using var client = server.CreateClient();

        var events = await AllChangesAsync(client, v1);
        Assert.Equal(two.New, events.Count(e => e.GetProperty("kind").GetString() == "PAPER_ADDED"));
        Assert.Equal(two.Merged, events.Count(e => e.GetProperty("kind").GetString() == "PAPER_MERGED"));
        // Every merge names the second listing as the source that merged.
        Assert.All(events.Where(e => e.GetProperty("kind").GetString() == "PAPER_MERGED"),
            e => Assert.EndsWith("listing-search-c.txt", e.GetProperty("source").GetString(), StringComparison.Ordinal));

        // The load's version says the same as its events.
        var version = (await QueryAsync(client, "query($v: ID!) { version(id: $v) { kind complete summary { papersAdded papersMerged } } }", new { v = $"v{two.Version}" }))
            .GetProperty("data").GetProperty("version");
        Assert.Equal("LOAD", version.GetProperty("kind").GetString());
        Assert.True(version.GetProperty("complete").GetBoolean());
        Assert.Equal(two.New, version.GetProperty("summary").GetProperty("papersAdded").GetInt32());
        Assert.Equal(two.Merged, version.GetProperty("summary").GetProperty("papersMerged").GetInt32());

        // A merged paper whose fields the second listing changed: as of v1 it has the old values, now the new ones.
        var changed = events.First(e => e.GetProperty("kind").GetString() == "FIELD_CHANGED" &&
            events.Any(m => m.GetProperty("kind").GetString() == "PAPER_MERGED" && m.GetProperty("paperId").GetString() == e.GetProperty("paperId").GetString()));
        var id = changed.GetProperty("paperId").GetString()!;
        var field = changed.GetProperty("field").GetString()!;
        var graphQLField = field switch { "authors_count" => "authorsCount", "arxiv_id" => "arxivId", _ => field };
        var fieldChanges = events.Where(e => e.GetProperty("kind").GetString() == "FIELD_CHANGED" && e.GetProperty("paperId").GetString() == id
            && e.GetProperty("field").GetString() == field).ToList();
        var papers = (await QueryAsync(client, $"query($id: ID!, $v: ID!) {{ then: paper(id: $id, asOf: $v) {{ {graphQLField} }} now: paper(id: $id) {{ {graphQLField} }} }}", new { id, v = v1 }))
            .GetProperty("data");
        Assert.Equal(Text(fieldChanges[0].GetProperty("old")), Text(papers.GetProperty("then").GetProperty(graphQLField)));
        Assert.Equal(Text(fieldChanges[^1].GetProperty("new")), Text(papers.GetProperty("now").GetProperty(graphQLField)));
        Assert.NotEqual(Text(papers.GetProperty("then").GetProperty(graphQLField)), Text(papers.GetProperty("now").GetProperty(graphQLField)));

        // A paper the second listing added did not exist at v1.
        var added = events.First(e => e.GetProperty("kind").GetString() == "PAPER_ADDED").GetProperty("paperId").GetString();
        var before = await QueryAsync(client, "query($id: ID!, $v: ID!) { paper(id: $id, asOf: $v) { id } }", new { id = added, v = v1 });
        Assert.Equal(JsonValueKind.Null, before.GetProperty("data").GetProperty("paper").ValueKind);
    }

    [Fact]
    public async Task A_version_that_does_not_exist_is_a_coded_error_and_a_subscription_over_plain_json_is_refused()
    {
        await using var server = new PreparedServerFactory();
        server.Set("CiteGraph:Demo", "true");
        using var client = server.CreateClient();
        foreach (var query in new[] { "{ changes(since: \"v999\") { edges { cursor } } }", "{ paper(id: \"x\", asOf: \"v999\") { id } }", "{ ranking(metric: PAGERANK, asOf: \"v999\") { rank } }" })
        {
            var answer = await QueryAsync(client, query, null);
            Assert.Equal("VERSION_NOT_FOUND", answer.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        }

        var versions = (await QueryAsync(client, "{ versions(first: 10) { edges { node { id kind complete } } } }", null)).GetProperty("data").GetProperty("versions").GetProperty("edges");
        Assert.Contains(versions.EnumerateArray(), v => v.GetProperty("node").GetProperty("kind").GetString() == "LOAD");

        using var response = await client.PostAsJsonAsync("/graphql", new { query = "subscription { changes(since: \"v0\") { sequence } }" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_killed_load_leaves_a_version_whose_summary_counts_exactly_what_it_committed()
    {
        var lines = SyntheticCorpus.Lines(new GeneratorOptions { Papers = 30_000, RefsPerPaper = 3, Seed = 5 }).ToArray();
        var corpus = _dir.Write("corpus.jsonl", string.Join('\n', lines));
        var database = _dir.File("killed.db");
        using (var process = CitegraphProcess.Start("load", corpus, "--db", database, "--quiet", "--no-embed", "--bulk", "false"))
        {
            // Long enough for some 20,000-record batches to commit, not for the load to end.
            await WaitForAsync(database, "SELECT COUNT(*) FROM change_event", TimeSpan.FromMinutes(4));
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Ct);
        }

        await using (var store = new SqliteGraphStore(new SqliteStoreOptions { Path = database }))
        {
            await store.InitializeAsync(Ct);
            var versions = await store.ReadVersionsAsync(0, 10, Ct);
            var killed = Assert.Single(versions);
            Assert.Equal(VersionKind.Load, killed.Kind);
            Assert.False(killed.Complete);
            var stats = await store.GetStatsAsync(Ct);
            Assert.True(stats.Papers > 0 && stats.Papers < 30_000, $"{stats.Papers} papers committed");
            Assert.Equal(stats.Papers, killed.Summary.PapersAdded);
            Assert.Equal(stats.Citations, killed.Summary.CitationsAdded);
        }

        // Run again: a second, complete version adds exactly the rest.
        var again = await CitegraphProcess.RunAsync(Ct, "load", corpus, "--db", database, "--quiet", "--no-embed", "--no-derive", "--bulk", "false");
        Assert.True(again.ExitCode == 0, again.Stderr);
        await using (var store = new SqliteGraphStore(new SqliteStoreOptions { Path = database }))
        {
            var versions = await store.ReadVersionsAsync(0, 10, Ct);
            var stats = await store.GetStatsAsync(Ct);
            Assert.Equal(2, versions.Count);
            Assert.True(versions[1].Complete);
            Assert.Equal(stats.Papers, versions.Sum(v => v.Summary.PapersAdded));
            Assert.Equal(30_000, stats.Papers);
        }
    }

    /// <summary>Waits until <paramref name="countSql"/>, read from the file by a connection of its own, counts more than zero.</summary>
    internal static async Task WaitForAsync(string database, string countSql, TimeSpan limit)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            await Task.Delay(100, Ct);
            if (!File.Exists(database))
            {
                continue;
            }

            try
            {
                await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
                await connection.OpenAsync(Ct);
                await using var command = connection.CreateCommand();
                command.CommandText = countSql;
                if (Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    return;
                }
            }
            catch (SqliteException)
            {
                // Not created yet.
            }
        }

        Assert.Fail($"nothing committed within {limit}");
    }

    private static string? Text(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.ToString();

    private static async Task<List<JsonElement>> AllChangesAsync(HttpClient client, string since)
    {
        const string Query = """
            query($since: ID!, $after: String) { changes(since: $since, first: 500, after: $after) {
              pageInfo { hasNextPage endCursor }
              edges { cursor node { __typename sequence kind version paperId
                ... on PaperMerged { source line format }
                ... on FieldChanged { field old new }
                ... on CitationChange { citedId citationKind evidence } } } } }
            """;
        var events = new List<JsonElement>();
        string? after = null;
        while (true)
        {
            var answer = await QueryAsync(client, Query, new { since, after });
            Assert.False(answer.TryGetProperty("errors", out var errors), errors.ToString());
            var changes = answer.GetProperty("data").GetProperty("changes");
            events.AddRange(changes.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").Clone()));
            if (!changes.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean())
            {
                return events;
            }

            after = changes.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }
    }

    private static async Task<JsonElement> QueryAsync(HttpClient client, string query, object? variables)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables }, Ct);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }
}
