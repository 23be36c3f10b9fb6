using CiteGraph.GraphQL.Mutations;
using CiteGraph.Host.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the CiteGraph service: options, the store, and its start-up work.</summary>
public static class HostingServiceCollectionExtensions
{
    /// <summary>
    /// Adds every option class (<see cref="OptionsRegistration.AddCiteGraphOptions"/>), the store they name (SQLite or
    /// Neo4j), the start-up initializer, the snapshot refresher and the ingest service.
    /// </summary>
    /// <returns>The same service collection so that multiple calls can be chained.</returns>
    public static IServiceCollection AddCiteGraph(this IServiceCollection services)
    {
        services.AddCiteGraphOptions();
        services.AddCiteGraphStore();
        services.AddHostedService<StoreInitializer>();
        // After the initializer (hosted services start in order), so it polls a store with a first snapshot.
        services.AddHostedService<SnapshotRefresher>();
        services.TryAddSingleton<IIngestService, LoaderIngestService>();
        services.AddHostedService<IngestJobDrain>();
        services.AddHostedService<StartPageWarmup>();
        return services;
    }
}
