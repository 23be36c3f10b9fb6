using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Demo;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Tests;
using CiteGraph.Loaders.Derive;

namespace CiteGraph.Host.Tests;

public sealed class GraphQLEndpointTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();

    [Fact]
    public async Task Post_stats_answers_with_the_demo_corpus_counts()
    {
        // The expected counts come from loading the demo independently into another file.
        using var dir = new TempDirectory();
        await using var reference = new SqliteGraphStore(new SqliteStoreOptions { Path = dir.File("reference.db") });
        var report = await new Ingestor(reference).LoadAsync(DemoCorpus.Files, cancellationToken: Ct);
        report = await DeriveStage.AfterLoadAsync(reference, report, cancellationToken: Ct);

        using var client = server.CreateClient();
        using var response = await client.PostAsJsonAsync("/graphql", new { query = "{ stats { papers repos } }" }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var stats = (await JsonAsync(response)).GetProperty("data").GetProperty("stats");
        Assert.Equal(report.PapersInStore, stats.GetProperty("papers").GetInt32());
        Assert.Equal(report.ReposInStore, stats.GetProperty("repos").GetInt32());
    }

    [Fact]
    public async Task Get_runs_a_query_from_the_query_string_with_variables()
    {
        using var client = server.CreateClient();
        var query = Uri.EscapeDataString("query($t: String!) { search(text: $t, first: 2) { paper { title } } }");
        var variables = Uri.EscapeDataString("""{"t": "tabular reasoning"}""");
        using var response = await client.GetAsync($"/graphql?query={query}&variables={variables}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hits = (await JsonAsync(response)).GetProperty("data").GetProperty("search");
        Assert.StartsWith("Tidepool", hits[0].GetProperty("paper").GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_with_application_graphql_body_runs_the_query()
    {
        using var client = server.CreateClient();
        using var content = new StringContent("{ stats { papers } }", Encoding.UTF8, "application/graphql");
        using var response = await client.PostAsync("/graphql", content, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("data").GetProperty("stats").GetProperty("papers").GetInt32() > 0);
    }

    [Theory]
    [InlineData("application/json", "{ not json", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{\"variables\": {}}", HttpStatusCode.BadRequest)]
    [InlineData("text/plain", "{ stats { papers } }", HttpStatusCode.UnsupportedMediaType)]
    public async Task Requests_that_are_not_graphql_get_a_4xx_with_a_coded_error(string contentType, string body, HttpStatusCode status)
    {
        using var client = server.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8, contentType);
        using var response = await client.PostAsync("/graphql", content, Ct);
        Assert.Equal(status, response.StatusCode);
        var error = (await JsonAsync(response)).GetProperty("errors")[0];
        Assert.Equal("BAD_REQUEST", error.GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_syntax_error_is_a_graphql_error_and_the_server_keeps_serving()
    {
        using var client = server.CreateClient();
        using var bad = await client.PostAsJsonAsync("/graphql", new { query = "{ stats { papers " }, Ct);
        var error = (await JsonAsync(bad)).GetProperty("errors")[0];
        Assert.Equal("SYNTAX_ERROR", error.GetProperty("extensions").GetProperty("code").GetString());

        using var good = await client.PostAsJsonAsync("/graphql", new { query = "{ stats { papers } }" }, Ct);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    [Fact]
    public async Task Get_refuses_a_mutation()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { x }"), Ct);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Contains(errors.EnumerateArray(), e => e.GetProperty("message").GetString()!.Contains("POST", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_browser_gets_the_offline_query_page_and_the_schema_as_sdl()
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html");
        using var page = await client.SendAsync(request, Ct);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("CiteGraph GraphQL", html, StringComparison.Ordinal);
        // Works offline: every script and style comes from this server, and the policy says so to the browser.
        Assert.DoesNotMatch(@"(src|href)=""(https?:)?//", html);
        Assert.Contains("script-src 'self';", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotMatch(@"<script(?![^>]*\b(src=|type=""application/json""))", html); // no inline script for the policy to refuse

        var sdl = await client.GetStringAsync("/graphql?sdl", Ct);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(SharedData.RepoRoot, "schema.graphql"), Ct), sdl);
    }

    [Fact]
    public async Task A_cached_document_still_has_its_variables_checked_and_get_still_refuses_mutations()
    {
        using var client = server.CreateClient();
        const string query = "query($t: String!) { search(text: $t, first: 1) { score } }";
        var ok = await client.PostAsync(query, new { t = "lattice" });
        Assert.False(ok.TryGetProperty("errors", out _));
        var missing = await client.PostAsync(query, new { });
        Assert.Contains("t", missing.GetProperty("errors")[0].GetProperty("message").GetString()!, StringComparison.Ordinal);

        const string mutation = "mutation { runAnalytics { nodes } }";
        Assert.Equal("UNAUTHORIZED", (await client.PostAsync(mutation)).ErrorCode()); // executed, so now cached
        using var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString(mutation), Ct);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Contains(errors.EnumerateArray(), e => e.GetProperty("message").GetString()!.Contains("POST", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_root_page_says_where_the_api_is()
    {
        using var client = server.CreateClient();
        var text = await client.GetStringAsync("/", Ct);
        Assert.Contains("/graphql", text, StringComparison.Ordinal);
    }
}
