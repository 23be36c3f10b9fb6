using CiteGraph.Graph.StoreContract;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Tests;

namespace CiteGraph.Graph.Sqlite.Tests;

/// <summary>The store contract on the embedded SQLite store, one fresh database file per test.</summary>
public sealed class SqliteGraphStoreContractTests : GraphStoreContractTests
{
    private readonly TempDirectory _dir = new();

    protected override Task<IGraphStore> CreateStoreAsync() =>
        Task.FromResult<IGraphStore>(new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("contract.db") }));

    protected override Task CleanUpAsync()
    {
        _dir.Dispose();
        return Task.CompletedTask;
    }
}
