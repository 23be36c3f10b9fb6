using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Graph.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CiteGraph.Host.Tests;

/// <summary>
/// The served store breaking under a running server, through the real HTTP pipeline (issue 18): a file that cannot be
/// opened answers <c>STORE_UNAVAILABLE</c> with a retry hint, a foreign file <c>INTERNAL</c>; neither answer names the
/// file or SQLite, and the server answers again once the file is back.
/// </summary>
public sealed class StoreFailureEndpointTests : IAsyncLifetime
{
    // Search answers are cached per snapshot: each ask words the same search differently (every word must match, in any
    // order), so every one of them reaches the store.
    private const string Query = """{ search(text: "WORDS", first: 2, mode: KEYWORD) { paper { title } } }""";
    private readonly DemoServerFactory _server = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_store_broken_mid_serve_answers_coded_errors_without_details_and_recovers()
    {
        using var client = _server.CreateClient();
        var (ok, _) = await AskAsync(client, "lattice attention");
        Assert.True(ok.GetProperty("data").GetProperty("search").GetArrayLength() > 0);

        // The first search started building its words' ranked lists in the background, each on a connection of the store
        // it opens when it runs. One that opened after the idle connections are closed below but before the file moves
        // would be kept holding the old file, and the next search would read the moved store through it (a CI run under
        // load did: the search answered instead of STORE_UNAVAILABLE). So the store is broken only once they are done.
        var guarded = (GuardedGraphStore)_server.Services.GetRequiredService<IGraphStore>();
        var sqlite = (SqliteGraphStore)guarded.Inner;
        await sqlite.SearchListsIdleAsync(Ct);
        var db = _server.DatabasePath;
        var aside = db + ".aside";
        Directory.CreateDirectory(aside);
        // The store's idle connections keep the file open; closing them makes the next read open the path again.
        sqlite.CloseIdleReadConnections();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(db + suffix))
            {
                File.Move(db + suffix, Path.Combine(aside, "served.db" + suffix));
            }
        }

        try
        {
            // Unreachable: the path now names a directory, which SQLite cannot open.
            Directory.CreateDirectory(db);
            var (unavailable, headers) = await AskAsync(client, "attention lattice");
            var error = unavailable.GetProperty("errors")[0];
            Assert.Equal("STORE_UNAVAILABLE", error.GetProperty("extensions").GetProperty("code").GetString());
            Assert.Equal(5, error.GetProperty("extensions").GetProperty("retryAfterSeconds").GetInt32());
            Assert.Equal("5", headers.RetryAfter?.ToString());
            AssertNoDetails(unavailable, db);

            // Foreign: a file that is not a database at all.
            Directory.Delete(db);
            await File.WriteAllBytesAsync(db, Enumerable.Range(0, 8192).Select(i => (byte)(i * 37 % 251)).ToArray(), Ct);
            sqlite.CloseIdleReadConnections();
            var (foreign, _) = await AskAsync(client, "Lattice attention");
            var internalError = foreign.GetProperty("errors")[0];
            Assert.Equal("INTERNAL", internalError.GetProperty("extensions").GetProperty("code").GetString());
            Assert.Equal(JsonValueKind.Null, foreign.GetProperty("data").ValueKind); // search is non-null: the error nulls the whole answer
            AssertNoDetails(foreign, db);
        }
        finally
        {
            sqlite.CloseIdleReadConnections();
            if (Directory.Exists(db))
            {
                Directory.Delete(db);
            }

            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(db + suffix);
                if (File.Exists(Path.Combine(aside, "served.db" + suffix)))
                {
                    File.Move(Path.Combine(aside, "served.db" + suffix), db + suffix);
                }
            }
        }

        var (again, _) = await AskAsync(client, "Attention lattice");
        Assert.Equal(ok.GetProperty("data").GetRawText(), again.GetProperty("data").GetRawText());
    }

    private static void AssertNoDetails(JsonElement answer, string db)
    {
        var text = answer.GetRawText();
        Assert.DoesNotContain(Path.GetFileName(db), text, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    private static async Task<(JsonElement Body, System.Net.Http.Headers.HttpResponseHeaders Headers)> AskAsync(HttpClient client, string words)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query = Query.Replace("WORDS", words, StringComparison.Ordinal) }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
        return (body, response.Headers);
    }
}
