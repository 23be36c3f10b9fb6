using CiteGraph.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CiteGraph.Host.Tests;

/// <summary>--store, --db and the environment pick the store; a bad choice stops before anything is opened.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class StoreSelectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Exit, string Error)> RunAsync(params string[] args)
    {
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            return (await Program.Main(args), error.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }

    [Fact]
    public async Task Load_and_stats_take_a_sqlite_store_uri()
    {
        using var dir = new TempDirectory();
        var listing = dir.Write("good.txt", "Daily Papers\n\nSubscribe\n\nA Paper\n\nAn abstract that is long enough to read as one, ending with a period.\n");
        var db = dir.File("uri.db");

        Assert.Equal(0, (await RunAsync("load", listing, "--store", "sqlite:" + db, "--quiet")).Exit);
        Assert.True(File.Exists(db));
        Assert.Equal(0, (await RunAsync("stats", "--store", "sqlite:" + db, "--json")).Exit);
        Assert.Equal(0, (await RunAsync("analyze", "--store", "sqlite:" + db, "--algorithms", "pagerank", "--json")).Exit);
    }

    [Theory]
    [InlineData("bolt://neo4j:secret@localhost:7687", "Bolt is not supported")]
    [InlineData("neo4j+http://neo4j@localhost:7474/neo4j", "no password")]
    [InlineData("mysql://x", "not a store URI")]
    public async Task A_bad_store_uri_fails_with_a_clear_message_and_opens_nothing(string uri, string expected)
    {
        var (exit, error) = await RunAsync("stats", "--store", uri);
        Assert.Equal(2, exit);
        Assert.Contains("--store: ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Db_and_store_together_are_refused()
    {
        var (exit, error) = await RunAsync("stats", "--db", "a.db", "--store", "sqlite:b.db");
        Assert.Equal(2, exit);
        Assert.Contains("give one of them", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_environment_names_the_store_when_the_command_line_does_not()
    {
        using var dir = new TempDirectory();
        var db = dir.File("env.db");
        var listing = dir.Write("good.txt", "Daily Papers\n\nSubscribe\n\nA Paper\n\nAn abstract that is long enough to read as one, ending with a period.\n");
        var previous = Environment.GetEnvironmentVariable("CITEGRAPH_STORE");
        try
        {
            Environment.SetEnvironmentVariable("CITEGRAPH_STORE", "sqlite:" + db);
            Assert.Equal(0, (await RunAsync("load", listing, "--quiet")).Exit);
            Assert.True(File.Exists(db));
            Environment.SetEnvironmentVariable("CITEGRAPH_STORE", "bolt://localhost:7687");
            var (exit, error) = await RunAsync("stats");
            Assert.Equal(2, exit);
            Assert.StartsWith("CITEGRAPH_STORE: ", error, StringComparison.Ordinal);
            // An explicit --db still wins over the environment.
            Assert.Equal(0, (await RunAsync("stats", "--db", db, "--json")).Exit);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CITEGRAPH_STORE", previous);
        }
    }

    [Fact]
    public async Task The_web_host_refuses_to_start_on_a_bad_store()
    {
        using var host = Program.CreateHostBuilder(["--CiteGraph:Store=bolt://localhost:7687", "--urls=http://127.0.0.1:0"]).Build();
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));
        Assert.Contains("CiteGraph:Store: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Bolt is not supported", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_web_host_opens_the_store_its_uri_names_through_the_registered_provider()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddOptions<Hosting.CiteGraphOptions>().Configure(o => o.Store = "neo4j+http://neo4j:password@localhost:7474/neo4j");
        services.AddCiteGraphStore();
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<Graph.Storage.IGraphStore>();
        Assert.IsType<Graph.Neo4j.Neo4jGraphStore>(store);
        // Every role resolves to the same store.
        Assert.Same(store, provider.GetRequiredService<Graph.Storage.IPaperReader>());
        Assert.Same(store, provider.GetRequiredService<Graph.Storage.ISnapshotStore>());
    }
}
