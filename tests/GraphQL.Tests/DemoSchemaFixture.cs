using System.Text.Json;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Demo;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Tests;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using CiteGraph.Loaders.Derive;

namespace CiteGraph.GraphQL.Tests;

/// <summary>The schema over a real SQLite file holding the demo corpus, executed as the endpoint executes it.</summary>
public sealed class DemoSchemaFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private ServiceProvider _services = null!;

    public SqliteGraphStore Store { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Store = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("demo.db") });
        await new Ingestor(Store).LoadAsync(DemoCorpus.Files);
        await DeriveStage.RunAsync(Store);
        _services = new ServiceCollection()
            .AddSingleton<IGraphStore>(Store)
            .AddCiteGraphQL(limits => limits.MaxDepth = 8)
            .BuildServiceProvider();
        await RebuildSnapshotAsync();
    }

    /// <summary>Rebuilds the traversal snapshot after a test changed the store.</summary>
    public Task RebuildSnapshotAsync() => _services.GetRequiredService<SnapshotHolder>().RebuildAsync();

    /// <summary>Runs a query and returns the JSON response as a client sees it.</summary>
    public Task<JsonElement> ExecuteAsync(string query, Inputs? variables = null) => _services.ResponseAsync(query, variables);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Store.DisposeAsync();
        _dir.Dispose();
    }
}
