using CiteGraph.Graph.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CiteGraph.Host.Hosting;

/// <summary>
/// The stores this build ships, registered through each store project's own extension: the composition root's one list,
/// shared by the web host and the CLI. The embedded store comes first, so a bare path (<c>--db PATH</c>) names its file.
/// </summary>
public static class ShippedStores
{
    /// <summary>Registers every shipped store's provider.</summary>
    /// <returns>The same service collection so that multiple calls can be chained.</returns>
    public static IServiceCollection AddShippedStoreProviders(this IServiceCollection services) =>
        services.AddCiteGraphSqliteStore().AddCiteGraphNeo4jStore();

    /// <summary>The registry of the shipped stores, for code that runs without the web host (the CLI).</summary>
    public static GraphStoreProviders Providers { get; } =
        new(new ServiceCollection().AddShippedStoreProviders().BuildServiceProvider().GetServices<IGraphStoreProvider>());
}
