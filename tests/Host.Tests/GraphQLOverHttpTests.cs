using System.Net;
using System.Text;
using System.Text.Json;

namespace CiteGraph.Host.Tests;

/// <summary>
/// The GraphQL-over-HTTP spec's media types and status codes through the real pipeline: <c>application/graphql-response+json</c>
/// answers 400 (without <c>data</c>) for requests that never ran, <c>application/json</c> keeps 200 with errors for older clients.
/// </summary>
public sealed class GraphQLOverHttpTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    private const string GraphQLResponse = "application/graphql-response+json";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> NotExecuted => new()
    {
        { "syntax", """{"query": "{ stats { papers "}""" },
        { "validation", """{"query": "{ stats { noSuchField } }"}""" },
        { "variable coercion", """{"query": "query($n: Int!) { papers(first: $n) { totalCount } }", "variables": {"n": "ten"}}""" },
        { "missing variable", """{"query": "query($t: String!) { search(text: $t) { score } }"}""" },
        { "enum typo", """{"query": "{ ranking(metric: PAGERANKK) { score } }"}""" },
    };

    [Theory]
    [MemberData(nameof(NotExecuted))]
    public async Task A_request_that_never_ran_is_400_without_data_for_graphql_response_json_and_200_for_application_json(string why, string body)
    {
        var (modern, modernType, modernJson) = await SendAsync(body, GraphQLResponse);
        Assert.True(modern == HttpStatusCode.BadRequest, $"{why}: {modern} {modernJson}");
        Assert.Equal(GraphQLResponse, modernType);
        Assert.False(modernJson.TryGetProperty("data", out _), modernJson.ToString());
        Assert.True(modernJson.GetProperty("errors").GetArrayLength() > 0);

        var (legacy, legacyType, legacyJson) = await SendAsync(body, "application/json");
        Assert.Equal(HttpStatusCode.OK, legacy);
        Assert.Equal("application/json", legacyType);
        Assert.Equal(modernJson.GetProperty("errors")[0].GetProperty("message").GetString(),
            legacyJson.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/json", "application/json")]
    [InlineData(GraphQLResponse, GraphQLResponse)]
    [InlineData("application/graphql-response+json, application/json;q=0.9", GraphQLResponse)]
    [InlineData("application/json, application/graphql-response+json;q=0.5", "application/json")]
    public async Task A_query_that_ran_answers_200_in_the_media_type_the_client_prefers(string? accept, string expected)
    {
        var (status, type, json) = await SendAsync("""{"query": "{ stats { papers } }"}""", accept);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, type);
        Assert.True(json.GetProperty("data").GetProperty("stats").GetProperty("papers").GetInt32() > 0);
    }

    [Fact]
    public async Task An_error_while_executing_is_200_with_the_data_entry_for_graphql_response_json()
    {
        // The operation ran (an unknown paper is found out by the resolver), so the spec's 2xx applies; lineage is
        // non-null, so the error nulls the whole data entry, which is still present.
        var (status, type, json) = await SendAsync("""{"query": "{ stats { papers } lineage(paperId: \"Pnope\") { nodes { depth } } }"}""", GraphQLResponse);
        Assert.Equal(GraphQLResponse, type);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(json.TryGetProperty("data", out _), json.ToString());
        Assert.Equal("NOT_FOUND", json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(GraphQLResponse)]
    public async Task A_mutation_over_get_is_405_allowing_post(string? accept)
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { runAnalytics { nodes } }"));
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Contains("POST", json.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        using var query = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ stats { papers } }"), Ct);
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
    }

    [Fact]
    public async Task An_answer_many_times_the_first_buffer_arrives_whole_with_its_content_length()
    {
        var (status, _, json, length, bytes) = await SendRawAsync("""{"query": "{ __schema { types { name description fields { name description args { name } } } } }"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(bytes > 32 * 1024, $"the answer is large enough to outgrow the first buffers ({bytes} bytes)");
        Assert.Equal(bytes, length);
        Assert.Contains(json.GetProperty("data").GetProperty("__schema").GetProperty("types").EnumerateArray(), t => t.GetProperty("name").GetString() == "Paper");
    }

    [Fact]
    public async Task A_body_sent_in_many_small_pieces_is_read_whole_and_a_cut_off_body_is_refused_as_a_bad_request()
    {
        var body = Encoding.UTF8.GetBytes("""{"query": "query($t: String!) { search(text: $t, first: 1) { score } }", "variables": {"t": "transformer"}}""");
        using var client = server.CreateClient();
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StreamContent(new TrickleStream(body)) })
        {
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            request.Content.Headers.ContentLength = body.Length;
            using var response = await client.SendAsync(request, Ct);
            var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(json.TryGetProperty("data", out var data) && data.GetProperty("search").ValueKind == JsonValueKind.Array, json.ToString());
        }

        var (status, _, refused, _, _) = await SendRawAsync("""{"query": "{ stats { papers } }""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BAD_REQUEST", refused.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    private async Task<(HttpStatusCode Status, string? MediaType, JsonElement Json, long? ContentLength, long Bytes)> SendRawAsync(string body)
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        using var response = await client.SendAsync(request, Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonDocument.Parse(bytes).RootElement.Clone(),
            response.Content.Headers.ContentLength, bytes.LongLength);
    }

    /// <summary>A body that arrives a few bytes per read, so the server sees it in many pieces.</summary>
    private sealed class TrickleStream(byte[] content) : MemoryStream(content)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 7));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 7)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, 7), cancellationToken);
    }

    private async Task<(HttpStatusCode Status, string? MediaType, JsonElement Json)> SendAsync(string body, string? accept)
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await client.SendAsync(request, Ct);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, json);
    }
}
