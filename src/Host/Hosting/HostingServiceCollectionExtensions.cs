using CiteGraph.Graph.Storage;
using CiteGraph.GraphQL.Mutations;
using CiteGraph.Host.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the CiteGraph service: options, the store, and its start-up work.</summary>
public static class HostingServiceCollectionExtensions
{
    /// <summary>Adds validated <see cref="CiteGraphOptions"/>, the store they name (SQLite or Neo4j), and the start-up initializer.</summary>
    /// <returns>The same service collection so that multiple calls can be chained.</returns>
    public static IServiceCollection AddCiteGraph(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CiteGraphOptions>()
            .Bind(configuration.GetSection(CiteGraphOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddCiteGraphStore();
        services.AddHostedService<StoreInitializer>();
        // After the initializer (hosted services start in order), so it polls a store with a first snapshot.
        services.AddHostedService<SnapshotRefresher>();
        services.TryAddSingleton(configuration.GetSection(IngestLimitsOptions.Section).Get<IngestLimitsOptions>() ?? new IngestLimitsOptions());
        services.TryAddSingleton<IIngestService, LoaderIngestService>();
        services.TryAddSingleton(configuration.GetSection(IngestJobOptions.Section).Get<IngestJobOptions>() ?? new IngestJobOptions());
        services.AddHostedService<IngestJobDrain>();
        // The key comes from CiteGraph:ApiKey or, as documented, the CITEGRAPH_API_KEY environment variable.
        services.TryAddSingleton(new ApiKeyOptions
        {
            ApiKey = configuration[$"{CiteGraphOptions.Section}:ApiKey"] ?? Environment.GetEnvironmentVariable("CITEGRAPH_API_KEY"),
        });
        return services;
    }
}
