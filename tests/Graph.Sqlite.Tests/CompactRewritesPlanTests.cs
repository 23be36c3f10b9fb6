using CiteGraph.Tests;
using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite.Tests;

/// <summary>
/// The statement that matches the citations a transaction deleted (temp.cg_gone) to the rows it wrote again must walk the
/// deleted rows and look each up in <c>cites</c> by its key. Left to the planner, the SQLite we ship (3.49) walked the
/// version's rows of <c>cites</c> and scanned all of cg_gone for each: quadratic in a re-derive's inferred citations.
/// </summary>
public sealed class CompactRewritesPlanTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Matching_deleted_citations_to_rewritten_ones_looks_each_up_by_key_instead_of_scanning_the_deleted_rows()
    {
        var path = _dir.File("plan.db");
        await using (var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path }))
        {
            await store.InitializeAsync(Ct);
        }

        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync(Ct);
        var statements = SqliteVersionTriggers.CompactRewrites.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        await using (var setup = connection.CreateCommand())
        {
            // The temporary tables the triggers and the statements work on.
            setup.CommandText = SqliteVersionTriggers.Install + ";" + string.Join(";\n", statements.Where(s => s.Contains("CREATE ", StringComparison.Ordinal))) + ";";
            await setup.ExecuteNonQueryAsync(Ct);
        }

        var match = statements.Single(s => s.Contains("INSERT INTO temp.cg_pairs", StringComparison.Ordinal));
        var select = match[match.IndexOf("SELECT", StringComparison.Ordinal)..];
        var plan = await QueryPlan.ReadAsync(connection, select, Ct);
        var scanGone = plan.FindIndex(s => s.StartsWith("SCAN g", StringComparison.Ordinal));
        var searchCites = plan.FindIndex(s => s.StartsWith("SEARCH c USING PRIMARY KEY", StringComparison.Ordinal));
        Assert.True(scanGone >= 0 && searchCites > scanGone, "plan: " + string.Join(" | ", plan));
    }
}
