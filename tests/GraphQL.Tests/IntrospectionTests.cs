using System.Text.Json;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Tests;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace CiteGraph.GraphQL.Tests;

/// <summary>
/// The introspection queries graphql-js sends (Fixtures/introspection-*.graphql, the exact text of graphql 16.15.0) run
/// through the real schema and executer with the default request limits.
/// </summary>
public sealed class IntrospectionTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ServiceProvider _services;

    public IntrospectionTests()
    {
        var store = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("introspection.db") });
        _services = new ServiceCollection()
            .AddSingleton<IGraphStore>(store)
            .AddCiteGraphQL()
            .BuildServiceProvider();
    }

    [Theory]
    [InlineData("introspection-default.graphql")]
    [InlineData("introspection-all-options.graphql")]
    public async Task The_introspection_query_graphql_js_sends_answers_without_errors(string file)
    {
        var schema = (await RunAsync(file)).GetProperty("__schema");
        var types = schema.GetProperty("types").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Contains("Paper", types);
        Assert.Contains("__Directive", types);
        Assert.Equal("Query", schema.GetProperty("queryType").GetProperty("name").GetString());
    }

    [Fact]
    public async Task All_options_report_the_schema_description_repeatable_directives_scalar_urls_and_input_deprecation()
    {
        var schema = (await RunAsync("introspection-all-options.graphql")).GetProperty("__schema");
        Assert.Equal("CiteGraph: papers, the code they reference, and how they connect.", schema.GetProperty("description").GetString());

        var directives = schema.GetProperty("directives").EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!);
        Assert.All(directives.Values, d => Assert.Equal(JsonValueKind.False, d.GetProperty("isRepeatable").ValueKind));
        // With deprecation of input values on, @deprecated may mark arguments and input fields.
        var locations = directives["deprecated"].GetProperty("locations").EnumerateArray().Select(l => l.GetString()).ToList();
        Assert.Contains("ARGUMENT_DEFINITION", locations);
        Assert.Contains("INPUT_FIELD_DEFINITION", locations);

        var types = schema.GetProperty("types").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        Assert.Equal(JsonValueKind.Null, types["String"].GetProperty("specifiedByURL").ValueKind);
        var filter = types["PaperFilter"].GetProperty("inputFields").EnumerateArray().ToList();
        Assert.NotEmpty(filter);
        Assert.All(filter, f => Assert.Equal(JsonValueKind.False, f.GetProperty("isDeprecated").ValueKind));
        var search = types["Query"].GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "search");
        Assert.Contains(search.GetProperty("args").EnumerateArray(), a => a.GetProperty("name").GetString() == "text");
    }

    private async Task<JsonElement> RunAsync(string file)
    {
        var query = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", file), TestContext.Current.CancellationToken);
        return await _services.DataAsync(query);
    }

    public void Dispose()
    {
        _services.Dispose();
        _dir.Dispose();
    }
}
