using CiteGraph.Graph.Sqlite;
using CiteGraph.GraphQL.Mutations;
using CiteGraph.Loaders.Reading;
using CiteGraph.Tests;

namespace CiteGraph.GraphQL.Tests;

public sealed class SchemaSnapshotTests
{
    [Fact]
    public void The_checked_in_schema_graphql_matches_the_schema_the_server_serves()
    {
        var path = Path.Combine(SharedData.RepoRoot, "schema.graphql");
        using var dir = new TempDirectory();
        var store = new SqliteGraphStore(new SqliteStoreOptions { Path = dir.File("unused.db") });
        var printed = SchemaSdl.Print(store, new RegistryFormats());
        var checkedIn = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(printed == checkedIn,
            "schema.graphql is out of date; regenerate it with: dotnet run --project src/Host -- schema > schema.graphql\n" +
            $"first difference at character {Enumerable.Range(0, Math.Min(printed.Length, checkedIn.Length)).FirstOrDefault(i => printed[i] != checkedIn[i])}");
        Assert.Contains("lineage(", printed, StringComparison.Ordinal);
        Assert.Contains("enum RankingMetric", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void The_checked_in_SourceFormat_enum_lists_exactly_the_formats_the_loaders_register()
    {
        var schema = File.ReadAllText(Path.Combine(SharedData.RepoRoot, "schema.graphql")).ReplaceLineEndings("\n");
        var start = schema.IndexOf("enum SourceFormat {", StringComparison.Ordinal);
        Assert.True(start >= 0, "schema.graphql has no SourceFormat enum");
        var values = schema[(start + "enum SourceFormat {".Length)..schema.IndexOf('}', start)]
            .Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('"'))
            .ToList();

        Assert.Equal(FormatRegistry.Default.Names.Select(SourceFormatType.ValueName), values);
        Assert.Contains("NODE_DATES", values);
        Assert.Contains("ACL", values);
    }

    [Fact]
    public void A_schema_without_an_ingest_service_offers_no_ingest_mutation()
    {
        using var dir = new TempDirectory();
        var printed = SchemaSdl.Print(new SqliteGraphStore(new SqliteStoreOptions { Path = dir.File("unused.db") }));

        Assert.DoesNotContain("ingest(", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("enum SourceFormat", printed, StringComparison.Ordinal);
        Assert.Contains("runAnalytics(", printed, StringComparison.Ordinal);
    }
}
