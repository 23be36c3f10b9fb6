namespace CiteGraph.Host.Tests;

/// <summary>README's example queries keep working against the schema the server serves (the demo corpus, as README runs them).</summary>
public sealed class ReadmeExamplesTests(DemoServerFactory server) : IClassFixture<DemoServerFactory>
{
    [Fact]
    public async Task Every_query_readme_shows_runs_without_errors_and_its_mutation_only_asks_for_the_key()
    {
        var examples = ReadmeExamples.All();
        Assert.True(examples.Count >= 4, $"README shows its example queries ({examples.Count} found)");
        using var client = server.CreateClient();
        foreach (var example in examples)
        {
            var json = await client.PostAsync(example.Query);
            if (example.IsMutation)
            {
                // Validated and executed; refused only because this server has no API key configured.
                Assert.Equal("UNAUTHORIZED", json.ErrorCode());
                continue;
            }

            Assert.False(json.TryGetProperty("errors", out var errors), $"README example {example.Number}: {example.Query}\n{errors}");
            Assert.NotEmpty(json.GetProperty("data").EnumerateObject());
        }
    }

    [Fact]
    public async Task The_GraphiQL_page_opens_on_readmes_examples_and_each_of_its_tabs_passes_validation()
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html");
        using var page = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var block = System.Text.RegularExpressions.Regex.Match(html, """<script type="application/json" id="citegraph-examples">(?<json>.*?)</script>""",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(block.Success, "the page carries its example tabs");
        var tabs = System.Text.Json.JsonDocument.Parse(block.Groups["json"].Value).RootElement.EnumerateArray().ToList();

        var shown = tabs.Select(t => Normalized(t.GetProperty("query").GetString()!)).ToList();
        foreach (var example in ReadmeExamples.All())
        {
            Assert.Contains(Normalized(example.Query), shown);
        }

        foreach (var tab in tabs)
        {
            var variables = tab.TryGetProperty("variables", out var v) ? System.Text.Json.JsonSerializer.Deserialize<object>(v.GetString()!) : null;
            var json = await client.PostAsync(tab.GetProperty("query").GetString()!, variables);
            // A tab may need the reader's input (ids to fill in, the API key), never a schema change.
            if (json.TryGetProperty("errors", out var errors))
            {
                Assert.All(errors.EnumerateArray(), e => Assert.Contains(e.GetProperty("extensions").GetProperty("code").GetString(), new[] { "INVALID_ARGUMENT", "UNAUTHORIZED" }));
            }
        }
    }

    /// <summary>A query without comments, its operation name or layout: how README writes the tab's query on one line.</summary>
    private static string Normalized(string query)
    {
        var lines = query.Split('\n').Where(l => !l.TrimStart().StartsWith('#'));
        var text = System.Text.RegularExpressions.Regex.Replace(string.Join(' ', lines), @"\s+", " ").Trim();
        return System.Text.RegularExpressions.Regex.Replace(text, @"^(query|mutation) [A-Za-z_]\w* ", m => m.Value.StartsWith("query", StringComparison.Ordinal) ? "" : "mutation ");
    }

    [Fact]
    public void Readme_names_only_filter_fields_the_schema_has()
    {
        var schema = File.ReadAllText(Path.Combine(CiteGraph.Tests.SharedData.RepoRoot, "schema.graphql"));
        var readme = File.ReadAllText(Path.Combine(CiteGraph.Tests.SharedData.RepoRoot, "README.md"));
        var filter = System.Text.RegularExpressions.Regex.Match(readme, @"filter: \{(?<fields>[^}]*)\}").Groups["fields"].Value;
        Assert.NotEmpty(filter);
        var input = schema[schema.IndexOf("input PaperFilter {", StringComparison.Ordinal)..];
        input = input[..input.IndexOf('}', StringComparison.Ordinal)];
        foreach (var field in filter.Split(',', StringSplitOptions.TrimEntries))
        {
            Assert.True(input.Contains($"  {field}:", StringComparison.Ordinal), $"README's papers(filter: {{{field}}}) is not in PaperFilter");
        }
    }
}
