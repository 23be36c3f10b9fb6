namespace CiteGraph.Graph.Storage;

/// <summary>
/// A kind of store (SQLite, Neo4j, …): reads the store URIs of its schemes and opens the stores they name. Each store
/// project registers one (<c>AddCiteGraphSqliteStore()</c>, <c>AddCiteGraphNeo4jStore()</c>); the host picks the
/// provider from the URI through <see cref="GraphStoreProviders"/>, so nothing outside a store project knows its types.
/// </summary>
public interface IGraphStoreProvider
{
    /// <summary>The provider's name, for messages (<c>sqlite</c>, <c>neo4j</c>).</summary>
    string Name { get; }

    /// <summary>The URI syntax it reads, for messages and help (<c>sqlite:PATH</c>).</summary>
    string Syntax { get; }

    /// <summary>True when the provider keeps a store in one local file, so a bare path (<c>--db PATH</c>) names one of its stores.</summary>
    bool KeepsStoresInFiles { get; }

    /// <summary>Whether <paramref name="uri"/>'s scheme is one of this provider's (even if the rest of it is wrong).</summary>
    bool Claims(string uri);

    /// <summary>
    /// Parses a store URI this provider <see cref="Claims"/>; on failure <paramref name="error"/> says what is wrong
    /// without any password. Settings a URI leaves out may come from <paramref name="environment"/>.
    /// </summary>
    bool TryParse(string uri, Func<string, string?> environment, out StoreLocation? location, out string? error);

    /// <summary>The location of the store kept in the file at <paramref name="path"/>; only for <see cref="KeepsStoresInFiles"/>.</summary>
    StoreLocation ForFile(string path) =>
        throw new NotSupportedException($"The {Name} store is not kept in a file; give a store URI ({Syntax}).");

    /// <summary>Creates the store a location names (not yet initialized).</summary>
    IGraphStore Open(StoreLocation location);

    /// <summary>Removes a store that was made for one run (a scratch file), with everything the provider kept beside it.</summary>
    void Delete(StoreLocation location) =>
        throw new NotSupportedException($"The {Name} store cannot delete {location}.");
}
