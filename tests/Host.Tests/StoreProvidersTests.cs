using CiteGraph.Graph.Neo4j;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Graph.Storage;
using CiteGraph.Host.Hosting;

namespace CiteGraph.Host.Tests;

/// <summary>Store URIs through the registry of the shipped providers: each scheme reaches its provider, errors are clear and keep passwords out.</summary>
public sealed class StoreProvidersTests
{
    private static GraphStoreProviders Providers => ShippedStores.Providers;

    private static Neo4jStoreOptions Neo4jOf(StoreLocation location) => Assert.IsType<Neo4jStoreOptions>(location.Settings);

    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Theory]
    [InlineData("sqlite:citegraph.db", "citegraph.db")]
    [InlineData("sqlite:/var/lib/citegraph/graph.db", "/var/lib/citegraph/graph.db")]
    [InlineData("sqlite:///tmp/g.db", "/tmp/g.db")]
    public void Parses_sqlite_locations(string text, string path)
    {
        var location = Providers.Parse(text);
        Assert.Equal(("sqlite", path), (location.Provider.Name, location.FilePath));
        Assert.Equal("sqlite:" + path, location.ToString());
    }

    [Fact]
    public void Parses_a_neo4j_http_uri_with_credentials_and_database()
    {
        var location = Providers.Parse("neo4j+http://reader:s%40cret:x@graph.example:7474/papers");

        Assert.Equal(("neo4j", null), (location.Provider.Name, location.FilePath));
        var o = Neo4jOf(location);
        Assert.Equal(new Uri("http://graph.example:7474/"), o.Uri);
        Assert.Equal(("reader", "s@cret:x", "papers"), (o.User, o.Password, o.Database));
        Assert.Equal("neo4j+http://reader:***@graph.example:7474/papers", location.ToString());
        Assert.Equal(o.Password, Neo4jOf(Providers.Parse(location.ToUri())).Password);
    }

    [Fact]
    public void Fills_what_a_neo4j_uri_leaves_out_from_the_environment_and_neo4j_defaults()
    {
        var location = Providers.Parse("neo4j+https://graph.example", Env(("NEO4J_USER", "svc"), ("NEO4J_PASSWORD", "pw12345678")));
        var o = Neo4jOf(location);
        Assert.Equal(new Uri("https://graph.example:7473/"), o.Uri);
        Assert.Equal(("svc", "pw12345678", "neo4j"), (o.User, o.Password, o.Database));
        Assert.Equal(7474, Neo4jOf(Providers.Parse("http://neo4j/db1", Env(("NEO4J_PASSWORD", "p")))).Uri!.Port);
        Assert.Equal(7474, Neo4jOf(Providers.Parse("neo4j+http://neo4j:pw@neo4j/db1")).Uri!.Port);
        Assert.Equal(8080, Neo4jOf(Providers.Parse("neo4j+http://neo4j:pw@neo4j:8080/db1")).Uri!.Port);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("sqlite:", "no database file")]
    [InlineData("bolt://neo4j:pw@localhost:7687", "Bolt is not supported")]
    [InlineData("neo4j://localhost:7687", "Bolt is not supported")]
    [InlineData("postgres://localhost/db", "not a store URI")]
    [InlineData("neo4j+http://neo4j@localhost:7474/neo4j", "no password")]
    [InlineData("neo4j+http://neo4j:pw@localhost:7474/a/b", "just the database name")]
    [InlineData("neo4j+http://neo4j:pw@localhost:7474/x", "not a database name")]
    public void Refuses_bad_locations_with_a_clear_message(string text, string expected)
    {
        Assert.False(Providers.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain(":pw@", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_environment_names_a_store_by_citegraph_store_then_neo4j_uri()
    {
        Assert.True(Providers.TryFromEnvironment(Env(), out var none, out _));
        Assert.Null(none);
        Assert.True(Providers.TryFromEnvironment(Env(("CITEGRAPH_STORE", "sqlite:x.db"), ("NEO4J_URI", "http://n:7474")), out var sqlite, out _));
        Assert.Equal("x.db", sqlite!.FilePath);
        Assert.True(Providers.TryFromEnvironment(Env(("NEO4J_URI", "http://n:7474"), ("NEO4J_PASSWORD", "secret123")), out var neo4j, out _));
        Assert.Equal("neo4j+http://neo4j:***@n:7474/neo4j", neo4j!.ToString());
        Assert.False(Providers.TryFromEnvironment(Env(("NEO4J_URI", "bolt://n:7687")), out _, out var error));
        Assert.StartsWith("NEO4J_URI: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opens_the_store_it_names()
    {
        await using var sqlite = Providers.Parse("sqlite:" + Path.Combine(Path.GetTempPath(), "never-created.db")).Open();
        // Behind the guard that turns SQLite's failures into the port's exceptions.
        Assert.IsType<SqliteGraphStore>(Assert.IsType<GuardedVectorGraphStore>(sqlite).Inner);
        await using var file = Providers.ForFile(Path.Combine(Path.GetTempPath(), "never-created.db")).Open();
        Assert.IsType<SqliteGraphStore>(Assert.IsType<GuardedVectorGraphStore>(file).Inner);
        await using var neo4j = Providers.Parse("neo4j+http://neo4j:password@localhost:7474/neo4j").Open();
        Assert.Equal("Neo4j http://localhost:7474/db/neo4j/query/v2 as neo4j", Assert.IsType<Neo4jGraphStore>(neo4j).ToString());
    }

    [Fact]
    public void Files_beside_a_store_are_named_for_its_file_or_its_server_database()
    {
        Assert.Equal("graph.db", Providers.ForFile("graph.db").Name);
        Assert.Equal("neo4j-papers", Providers.Parse("neo4j+http://neo4j:pw@localhost:7474/papers").Name);
    }
}
