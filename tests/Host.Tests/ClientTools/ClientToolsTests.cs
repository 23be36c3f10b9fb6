using System.Net.Http.Json;
using System.Text.Json;
using CiteGraph.Tests;

namespace CiteGraph.Host.Tests.ClientTools;

/// <summary>
/// The GraphQL client tools people point at CiteGraph first, run for real (node, tools/clients, pinned by its lock file)
/// against the real server on a loopback port: graphql-js introspection, the graphql-http compliance audit,
/// graphql-codegen and Apollo Client.
/// </summary>
public sealed class ClientToolsTests(LiveDemoServer server) : IClassFixture<LiveDemoServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Graphql_js_introspects_with_and_without_options_and_finds_nothing_broken_against_schema_graphql()
    {
        NodeTools.RequireInstalled("graphql");
        var run = await NodeTools.RunAsync("introspection.mjs", server.GraphQL.ToString(), Path.Combine(SharedData.RepoRoot, "schema.graphql"));
        Assert.True(run.ExitCode == 0, run.ToString());

        var summary = JsonDocument.Parse(run.LastLine).RootElement;
        var variants = summary.GetProperty("variants");
        Assert.Equal(200, variants.GetProperty("default").GetProperty("status").GetInt32());
        Assert.Equal(200, variants.GetProperty("allOptions").GetProperty("status").GetInt32());
        Assert.Equal("CiteGraph: papers, the code they reference, and how they connect.",
            variants.GetProperty("allOptions").GetProperty("description").GetString());
        Assert.True(variants.GetProperty("allOptions").GetProperty("types").GetInt32() > 30, run.LastLine);
        Assert.Equal(0, summary.GetProperty("breaking").GetArrayLength());
    }

    [Fact]
    public async Task The_graphql_http_server_audit_reports_every_item_ok()
    {
        NodeTools.RequireInstalled("graphql-http");
        var run = await NodeTools.RunAsync("audit.mjs", server.GraphQL.ToString());
        var summary = JsonDocument.Parse(run.LastLine).RootElement;
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(0, summary.GetProperty("warn").GetInt32());
        Assert.Equal(0, summary.GetProperty("notice").GetInt32());
        Assert.Equal(0, summary.GetProperty("error").GetInt32());
        // graphql-http 1.23.1 has 61 server audits; fewer would mean some did not run.
        Assert.True(summary.GetProperty("ok").GetInt32() >= 61, run.LastLine);
    }

    [Fact]
    public async Task Codegen_generates_typescript_types_for_the_readme_examples_from_the_live_endpoint()
    {
        NodeTools.RequireInstalled("@graphql-codegen/cli", "@graphql-codegen/typescript", "@graphql-codegen/typescript-operations");
        using var dir = new TempDirectory();
        var examples = ReadmeExamples.All();
        Assert.True(examples.Count >= 3, "README shows example queries");
        var documents = Directory.CreateDirectory(Path.Combine(dir.Path, "documents")).FullName;
        foreach (var example in examples)
        {
            await File.WriteAllTextAsync(Path.Combine(documents, $"readme-{example.Number}.graphql"), example.Named(), Ct);
        }

        var output = Path.Combine(dir.Path, "generated", "readme.ts");
        var run = await NodeTools.RunAsync("codegen.mjs", server.GraphQL.ToString(), documents, output);
        Assert.True(run.ExitCode == 0, run.ToString());

        var typescript = await File.ReadAllTextAsync(output, Ct);
        foreach (var example in examples)
        {
            var type = $"ReadmeExample{example.Number}{(example.IsMutation ? "Mutation" : "Query")}";
            Assert.True(typescript.Contains($"export type {type} = ", StringComparison.Ordinal), $"no {type} in:\n{typescript}");
        }
    }

    [Fact]
    public async Task Apollo_client_gets_the_same_answer_as_a_plain_post()
    {
        NodeTools.RequireInstalled("@apollo/client", "graphql", "rxjs");
        const string query = """{ stats { papers repos } search(text: "lattice attention", first: 3) { score paper { id title } } }""";
        using var http = new HttpClient();
        using var plain = await http.PostAsJsonAsync(server.GraphQL, new { query }, Ct);
        var expected = JsonDocument.Parse(await plain.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("data");

        var run = await NodeTools.RunAsync("apollo.mjs", server.GraphQL.ToString(), query);
        Assert.True(run.ExitCode == 0, run.ToString());
        var result = JsonDocument.Parse(run.LastLine).RootElement;
        Assert.Equal(JsonValueKind.Null, result.GetProperty("error").ValueKind);
        var data = result.GetProperty("data");
        Assert.Equal(expected.GetProperty("stats").GetProperty("papers").GetInt32(), data.GetProperty("stats").GetProperty("papers").GetInt32());
        Assert.Equal(expected.GetProperty("stats").GetProperty("repos").GetInt32(), data.GetProperty("stats").GetProperty("repos").GetInt32());
        var ids = (JsonElement hits) => hits.EnumerateArray().Select(h => h.GetProperty("paper").GetProperty("id").GetString()).ToList();
        Assert.NotEmpty(ids(expected.GetProperty("search")));
        Assert.Equal(ids(expected.GetProperty("search")), ids(data.GetProperty("search")));
    }
}
