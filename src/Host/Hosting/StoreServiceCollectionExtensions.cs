using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Storage.Neo4j;
using CiteGraph.Graph.Storage.Sqlite;
using CiteGraph.Host.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the graph store <see cref="CiteGraphOptions"/> name: <c>Store</c> (a store URI) or else the SQLite <c>Database</c>.</summary>
public static class StoreServiceCollectionExtensions
{
    /// <summary>Adds the store of <see cref="CiteGraphOptions.Store"/> (SQLite or Neo4j), else the SQLite store at <see cref="CiteGraphOptions.Database"/>; a bad store URI fails start-up with its reason.</summary>
    /// <returns>The same service collection so that multiple calls can be chained.</returns>
    public static IServiceCollection AddCiteGraphStore(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CiteGraphOptions>, StoreOptionsValidation>());
        services.TryAddSingleton<IGraphStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<CiteGraphOptions>>().Value;
            return string.IsNullOrWhiteSpace(options.Store)
                ? new SqliteGraphStore(new SqliteStoreOptions { Path = options.Database })
                : StoreLocation.Parse(options.Store, Environment.GetEnvironmentVariable).Open();
        });
        return services;
    }

    /// <summary>Adds the Neo4j store at <paramref name="options"/> (validated now, so a bad address fails at start-up).</summary>
    /// <returns>The same service collection so that multiple calls can be chained.</returns>
    public static IServiceCollection AddCiteGraphNeo4jStore(this IServiceCollection services, Neo4jStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.TryAddSingleton<IGraphStore>(_ => new Neo4jGraphStore(options));
        return services;
    }

    /// <summary>The store the options name, for logs: never with a password.</summary>
    internal static string Describe(CiteGraphOptions options) =>
        string.IsNullOrWhiteSpace(options.Store) ? options.Database
        : StoreLocation.TryParse(options.Store, out var location, out _, Environment.GetEnvironmentVariable) ? location!.ToString()
        : "(invalid store)";

    private sealed class StoreOptionsValidation : IValidateOptions<CiteGraphOptions>
    {
        public ValidateOptionsResult Validate(string? name, CiteGraphOptions options) =>
            string.IsNullOrWhiteSpace(options.Store) || StoreLocation.TryParse(options.Store, out _, out var error, Environment.GetEnvironmentVariable)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"CiteGraph:Store: {error}");
    }
}
