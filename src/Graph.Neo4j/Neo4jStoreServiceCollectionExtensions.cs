using CiteGraph.Graph.Neo4j;
using CiteGraph.Graph.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Neo4j store's provider.</summary>
public static class Neo4jStoreServiceCollectionExtensions
{
    /// <summary>Registers the provider of <c>neo4j+http(s)://</c> store URIs (and of <c>NEO4J_URI</c>).</summary>
    /// <returns>The same service collection so that multiple calls can be chained.</returns>
    public static IServiceCollection AddCiteGraphNeo4jStore(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IGraphStoreProvider>(Neo4jStoreProvider.Instance));
        return services;
    }
}
