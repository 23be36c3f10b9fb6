using CiteGraph.Graph.Sqlite;
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
        var printed = SchemaSdl.Print(store);
        var checkedIn = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(printed == checkedIn,
            "schema.graphql is out of date; regenerate it with: dotnet run --project src/Host -- schema > schema.graphql\n" +
            $"first difference at character {Enumerable.Range(0, Math.Min(printed.Length, checkedIn.Length)).FirstOrDefault(i => printed[i] != checkedIn[i])}");
        Assert.Contains("lineage(", printed, StringComparison.Ordinal);
        Assert.Contains("enum RankingMetric", printed, StringComparison.Ordinal);
    }
}
