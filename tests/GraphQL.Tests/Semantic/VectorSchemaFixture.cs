using System.Text.Json;
using CiteGraph.Embeddings;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Loaders.Derive;
using CiteGraph.Loaders.Ingest;
using CiteGraph.Loaders.Reading;
using CiteGraph.Tests;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace CiteGraph.GraphQL.Tests.Semantic;

/// <summary>
/// The schema over a real SQLite file whose papers have sentence embeddings from the real model (the one the server's
/// DI container loads, shared with the queries), executed as the endpoint executes it.
/// </summary>
public abstract class VectorSchemaFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private ServiceProvider _services = null!;

    public SqliteGraphStore Store { get; private set; } = null!;

    public ITextEmbedder Embedder => _services.GetRequiredService<ITextEmbedder>();

    /// <summary>What the fixture loads, without the derive pass.</summary>
    protected abstract IReadOnlyList<InputFile> Inputs();

    /// <summary>Embeds and stores vectors for the loaded papers (all of them by default, through the derive pass).</summary>
    protected virtual async Task EmbedAsync()
    {
        var options = new DeriveOptions { Embed = true, Embedder = () => Embedder, InferLineage = false };
        await new TopicsAndLineage(Store, options).RunAsync(cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask InitializeAsync()
    {
        Store = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("vectors.db") });
        await new Ingestor(Store).LoadAsync(Inputs(), cancellationToken: TestContext.Current.CancellationToken);
        _services = new ServiceCollection().AddSingleton<IGraphStore>(Store).AddCiteGraphQL().BuildServiceProvider();
        await EmbedAsync();
        await _services.GetRequiredService<SnapshotHolder>().RebuildAsync();
    }

    /// <summary>Runs a query and returns the JSON response as a client sees it.</summary>
    public Task<JsonElement> ExecuteAsync(string query) => _services.ResponseAsync(query);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Store.DisposeAsync();
        _dir.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The demo corpus (nine fictional papers), every paper embedded.</summary>
public sealed class DemoVectorsFixture : VectorSchemaFixture
{
    protected override IReadOnlyList<InputFile> Inputs() => CiteGraph.Loaders.Demo.DemoCorpus.Files;
}
