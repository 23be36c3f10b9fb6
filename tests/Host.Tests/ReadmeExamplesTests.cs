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
