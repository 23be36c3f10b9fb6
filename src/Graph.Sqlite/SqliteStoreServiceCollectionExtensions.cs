using CiteGraph.Graph.Sqlite;
using CiteGraph.Graph.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the embedded SQLite store's provider.</summary>
public static class SqliteStoreServiceCollectionExtensions
{
    /// <summary>Registers the provider of <c>sqlite:PATH</c> store URIs (and of bare paths: it keeps stores in files).</summary>
    /// <returns>The same service collection so that multiple calls can be chained.</returns>
    public static IServiceCollection AddCiteGraphSqliteStore(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IGraphStoreProvider>(SqliteStoreProvider.Instance));
        return services;
    }
}
