using System.Net;
using System.Text;
using System.Text.Json;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Neo4j;

namespace CiteGraph.Graph.Neo4j.Tests;

/// <summary>The Query API client on Neo4j's documented request and response shapes (docs-query-api query.adoc, plain-json.adoc).</summary>
public sealed class Neo4jQueryClientTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeNeo4j _server = new();

    private Neo4jQueryClient Client(int maxRetries = 3, TimeSpan? timeout = null) => new(
        new Neo4jStoreOptions
        {
            Uri = new Uri("http://localhost:7474"),
            User = "neo4j",
            Password = "password",
            MaxRetries = maxRetries,
            RetryDelay = TimeSpan.FromMilliseconds(1),
            RequestTimeout = timeout ?? TimeSpan.FromSeconds(30),
        },
        _server);

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Posts_the_documented_request_body_with_basic_auth()
    {
        using var client = Client();
        await client.RunAsync(
            "MERGE (n:Person {name: $name, age: $age})\nRETURN n AS alice",
            new Dictionary<string, object?> { ["name"] = "Alice", ["age"] = 42 },
            Ct);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/db/neo4j/query/v2", request.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("neo4j:password")), request.Headers["Authorization"]);
        Assert.Equal("application/json", request.Headers["Accept"]);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal("MERGE (n:Person {name: $name, age: $age})\nRETURN n AS alice", body.RootElement.GetProperty("statement").GetString());
        Assert.Equal("Alice", body.RootElement.GetProperty("parameters").GetProperty("name").GetString());
        Assert.Equal(42, body.RootElement.GetProperty("parameters").GetProperty("age").GetInt32());
        // The line break travels escaped: raw line breaks are not allowed inside the JSON string.
        Assert.Contains("\\n", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_the_documented_success_response_row_by_row()
    {
        _server.Respond = _ => FakeNeo4j.Answer.Accepted("""
            {
              "data": {
                "fields": ["person", "name"],
                "values": [
                  [ {"elementId": "4:ff04df18-ea6b-4b4f-8e4b-b6d4a1b9c0fa:2", "labels": ["Person"], "properties": {"name": "Phil"}}, "Phil" ],
                  [ {"elementId": "4:ff04df18-ea6b-4b4f-8e4b-b6d4a1b9c0fa:3", "labels": ["Person"], "properties": {"name": "Ann"}}, null ]
                ]
              },
              "counters": {"containsUpdates": true, "nodesCreated": 2, "propertiesSet": 2},
              "notifications": [{"code": "Neo.ClientNotification.Statement.CartesianProduct", "title": "Cartesian product", "description": "…", "severity": "INFORMATION", "category": "PERFORMANCE"}],
              "bookmarks": ["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXg6Q"]
            }
            """);
        using var client = Client();
        var result = await client.RunAsync("MATCH (person:Person) RETURN person, person.name AS name", null, Ct);

        Assert.Equal(["person", "name"], result.Fields);
        Assert.Equal(2, result.Rows.Count);
        Assert.Equal("Phil", result.Rows[0].GetString("name"));
        Assert.Equal("Phil", result.Rows[0].GetMap("person").GetMap("properties").GetString("name"));
        Assert.Null(result.Rows[1].GetStringOrNull("name"));
        Assert.Equal(2, result.Counter("nodesCreated"));
        Assert.Equal(1, result.Counter("containsUpdates"));
        Assert.Equal("Neo.ClientNotification.Statement.CartesianProduct", Assert.Single(result.Notifications).Code);
        Assert.Equal(["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXg6Q"], result.Bookmarks);
        Assert.Throws<GraphStoreException>(() => result.Rows[0]["missing"]);
    }

    [Fact]
    public async Task A_syntax_error_answered_with_202_fails_at_once_with_its_code_and_message()
    {
        _server.Respond = _ => FakeNeo4j.Answer.Accepted("""
            {"errors": [{"code": "Neo.ClientError.Statement.SyntaxError",
                         "message": "Invalid input 'T': expected <init> (line 1, column 1 (offset: 0))"}]}
            """);
        using var client = Client();

        var ex = await Assert.ThrowsAsync<Neo4jException>(() => client.RunAsync("THIS IS NOT CYPHER", null, Ct));

        Assert.Equal("Neo.ClientError.Statement.SyntaxError", ex.Code);
        Assert.Equal("ClientError", ex.Classification);
        Assert.Equal(202, ex.HttpStatus);
        Assert.False(ex.IsTransient);
        Assert.Contains("Invalid input 'T'", ex.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_constraint_violation_is_not_retried()
    {
        _server.Respond = _ => new FakeNeo4j.Answer(HttpStatusCode.BadRequest, """
            {"errors": [{"code": "Neo.ClientError.Schema.ConstraintValidationFailed",
                         "message": "Node(0) already exists with label `Paper` and property `id` = 'P1'"}]}
            """);
        using var client = Client();

        var ex = await Assert.ThrowsAsync<Neo4jException>(() => client.RunAsync("CREATE (:Paper {id: 'P1'})", null, Ct));

        Assert.Equal("Neo.ClientError.Schema.ConstraintValidationFailed", ex.Code);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_transient_error_is_retried_until_the_statement_succeeds()
    {
        _server.Respond = r => _server.Requests.Count < 3
            ? FakeNeo4j.Answer.Accepted("""
                {"errors": [{"code": "Neo.TransientError.Transaction.DeadlockDetected",
                             "message": "ForsetiClient[transactionId=5] can't acquire ExclusiveLock{owner=ForsetiClient[transactionId=4]}"}]}
                """)
            : FakeNeo4j.Answer.Accepted("""{"data": {"fields": ["n"], "values": [[1]]}, "bookmarks": []}""");
        using var client = Client();

        var result = await client.RunAsync("RETURN 1 AS n", null, Ct);

        Assert.Equal(1, result.Rows[0].GetInt32("n"));
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Service_unavailable_is_retried_then_reported_as_unavailable()
    {
        _server.Respond = _ => new FakeNeo4j.Answer(HttpStatusCode.ServiceUnavailable, "<html>starting</html>", "text/html");
        using var client = Client(maxRetries: 2);

        var ex = await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => client.RunAsync("RETURN 1", null, Ct));

        Assert.True(ex.IsTransient);
        Assert.Contains("503", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Wrong_credentials_fail_at_once_with_the_security_code()
    {
        _server.Respond = _ => new FakeNeo4j.Answer(HttpStatusCode.Unauthorized, """
            {"errors": [{"code": "Neo.ClientError.Security.Unauthorized", "message": "Invalid username or password."}]}
            """);
        using var client = Client();

        var ex = await Assert.ThrowsAsync<Neo4jException>(() => client.RunAsync("RETURN 1", null, Ct));

        Assert.Equal("Neo.ClientError.Security.Unauthorized", ex.Code);
        Assert.Equal(401, ex.HttpStatus);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_server_error_without_a_json_body_names_the_status()
    {
        _server.Respond = _ => new FakeNeo4j.Answer(HttpStatusCode.InternalServerError, "oops", "text/plain");
        using var client = Client();

        var ex = await Assert.ThrowsAsync<GraphStoreException>(() => client.RunAsync("RETURN 1", null, Ct));

        Assert.Contains("500", ex.Message, StringComparison.Ordinal);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task A_request_that_takes_too_long_times_out_as_unavailable()
    {
        _server.Delay = TimeSpan.FromSeconds(10);
        using var client = Client(maxRetries: 0, timeout: TimeSpan.FromMilliseconds(100));

        var ex = await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => client.RunAsync("RETURN 1", null, Ct));

        Assert.Contains("did not answer within", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_turned_into_a_store_error()
    {
        _server.Delay = TimeSpan.FromSeconds(10);
        using var client = Client();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var running = client.RunAsync("RETURN 1", null, cts.Token);
        // Cancel once the request is in flight (a fixed delay raced the request itself on a loaded machine).
        while (_server.Requests.Count == 0 && !running.IsCompleted)
        {
            await Task.Delay(10, Ct);
        }

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task An_explicit_transaction_opens_with_its_first_statement_replays_affinity_and_commits()
    {
        _server.Respond = r => r.Path.EndsWith("/tx", StringComparison.Ordinal)
            ? FakeNeo4j.Answer.Accepted("""
                {"data": {"fields": [], "values": []}, "bookmarks": [],
                 "transaction": {"id": "lyU", "expires": "2024-10-22T15:48:29Z"}}
                """) with { Headers = [(Neo4jQueryClient.AffinityHeader, "MjM=")] }
            : FakeNeo4j.Answer.Accepted("""{"data": {"fields": [], "values": []}, "bookmarks": ["FB:x"]}""");
        using var client = Client();

        var tx = client.BeginTransaction();
        await using (tx)
        {
            await tx.RunAsync("CREATE (:A)", null, Ct);
            await tx.RunAsync("CREATE (:B)", null, Ct);
            await tx.CommitAsync(Ct);
        }

        Assert.Equal("lyU", tx.Id);
        Assert.Equal(
            ["POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/lyU", "POST /db/neo4j/query/v2/tx/lyU/commit"],
            _server.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.False(_server.Requests[0].Headers.ContainsKey(Neo4jQueryClient.AffinityHeader));
        Assert.All(_server.Requests.Skip(1), r => Assert.Equal("MjM=", r.Headers[Neo4jQueryClient.AffinityHeader]));
    }

    [Fact]
    public async Task An_uncommitted_transaction_is_rolled_back_and_a_failed_one_is_left_to_the_server()
    {
        _server.Respond = r => r.Path.EndsWith("/tx", StringComparison.Ordinal)
            ? FakeNeo4j.Answer.Accepted("""{"data": {"fields": [], "values": []}, "transaction": {"id": "t1", "expires": "2024-10-22T15:48:29Z"}}""")
            : FakeNeo4j.Answer.Accepted("""{"data": {"fields": [], "values": []}}""");
        using var client = Client();
        await using (var tx = client.BeginTransaction())
        {
            await tx.RunAsync("CREATE (:A)", null, Ct);
        }

        Assert.Equal("DELETE /db/neo4j/query/v2/tx/t1", $"{_server.Requests[^1].Method} {_server.Requests[^1].Path}");

        _server.Requests.Clear();
        _server.Respond = r => r.Path.EndsWith("/tx", StringComparison.Ordinal)
            ? FakeNeo4j.Answer.Accepted("""{"data": {"fields": [], "values": []}, "transaction": {"id": "t2", "expires": "2024-10-22T15:48:29Z"}}""")
            : FakeNeo4j.Answer.Accepted("""{"errors": [{"code": "Neo.ClientError.Statement.SemanticError", "message": "no"}]}""");
        await using (var tx = client.BeginTransaction())
        {
            await tx.RunAsync("CREATE (:A)", null, Ct);
            await Assert.ThrowsAsync<Neo4jException>(() => tx.RunAsync("bad", null, Ct));
        }

        Assert.DoesNotContain(_server.Requests, r => r.Method == HttpMethod.Delete);
    }

    [Theory]
    [InlineData(null, "password", "neo4j", "no address")]
    [InlineData("bolt://localhost:7687", "password", "neo4j", "not an http(s) address")]
    [InlineData("http://localhost:7474", "", "neo4j", "no password")]
    [InlineData("http://localhost:7474", "password", "x", "not a database name")]
    public void Options_are_validated_with_a_clear_message(string? uri, string password, string database, string expected)
    {
        var options = new Neo4jStoreOptions { Uri = uri is null ? null : new Uri(uri), Password = password, Database = database };
        var ex = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Floats_are_sent_as_floats_and_integers_as_integers()
    {
        var json = Neo4jQueryClient.Serialize(Neo4jQueryClient.Body("RETURN $x", new Dictionary<string, object?>
        {
            ["one"] = 1.0,
            ["zero"] = 0d,
            ["small"] = 1e-9,
            ["rank"] = 0.15,
            ["count"] = 3,
            ["scores"] = new[] { 2.0, 0.5 },
        }));
        Assert.Contains("\"one\":1.0", json, StringComparison.Ordinal);
        Assert.Contains("\"zero\":0.0", json, StringComparison.Ordinal);
        Assert.Contains("\"small\":1E-09", json, StringComparison.Ordinal);
        Assert.Contains("\"rank\":0.15", json, StringComparison.Ordinal);
        Assert.Contains("\"count\":3,", json, StringComparison.Ordinal);
        Assert.Contains("\"scores\":[2.0,0.5]", json, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Neo4jQueryClient.Serialize(new Dictionary<string, object?> { ["nan"] = double.NaN }));
    }
}
