using CiteGraph.Graph.Storage;
using CiteGraph.Host.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the graph store <see cref="CiteGraphOptions"/> name (<c>Store</c>, a store URI, else the store file
/// <c>Database</c>), opened by the registered provider of its scheme, and every role port it implements.
/// </summary>
public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Adds the store of <see cref="CiteGraphOptions.Store"/>, else the one kept in the file <see cref="CiteGraphOptions.Database"/>,
    /// with the shipped providers (<see cref="ShippedStores"/>) unless others were registered; a bad store URI fails
    /// start-up with its reason. Consumers may ask for the whole <see cref="IGraphStore"/> or for one role.
    /// </summary>
    /// <returns>The same service collection so that multiple calls can be chained.</returns>
    public static IServiceCollection AddCiteGraphStore(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(IGraphStoreProvider)))
        {
            services.AddShippedStoreProviders();
        }

        services.TryAddSingleton(sp => new GraphStoreProviders(sp.GetServices<IGraphStoreProvider>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CiteGraphOptions>, StoreOptionsValidation>());
        services.TryAddSingleton(sp => LocationOf(
            sp.GetRequiredService<IOptions<CiteGraphOptions>>().Value, sp.GetRequiredService<GraphStoreProviders>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<StoreLocation>().Open());
        services.TryAddSingleton<IPaperWriter>(sp => sp.GetRequiredService<IGraphStore>());
        services.TryAddSingleton<IPaperReader>(sp => sp.GetRequiredService<IGraphStore>());
        services.TryAddSingleton<IDerivedLayerStore>(sp => sp.GetRequiredService<IGraphStore>());
        services.TryAddSingleton<ITopicReader>(sp => sp.GetRequiredService<IGraphStore>());
        services.TryAddSingleton<IAnalyticsStore>(sp => sp.GetRequiredService<IGraphStore>());
        services.TryAddSingleton<ISnapshotStore>(sp => sp.GetRequiredService<IGraphStore>());
        return services;
    }

    private static StoreLocation LocationOf(CiteGraphOptions options, GraphStoreProviders providers) =>
        Try(options, providers, out var location, out var error) ? location! : throw new ArgumentException(error);

    private static bool Try(CiteGraphOptions options, GraphStoreProviders providers, out StoreLocation? location, out string? error)
    {
        if (string.IsNullOrWhiteSpace(options.Store))
        {
            error = null;
            location = providers.ForFile(options.Database);
            return true;
        }

        return providers.TryParse(options.Store, out location, out error, Environment.GetEnvironmentVariable);
    }

    private sealed class StoreOptionsValidation(GraphStoreProviders providers) : IValidateOptions<CiteGraphOptions>
    {
        public ValidateOptionsResult Validate(string? name, CiteGraphOptions options) =>
            Try(options, providers, out _, out var error)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"CiteGraph:Store: {error}");
    }
}
