using Microsoft.Data.Sqlite;

namespace CiteGraph.Graph.Sqlite;

/// <summary>The embedded store's provider: <c>sqlite:PATH</c> (also <c>sqlite://PATH</c>), or a bare file path.</summary>
public sealed class SqliteStoreProvider : IGraphStoreProvider
{
    private const string Scheme = "sqlite:";

    /// <summary>The provider (it keeps no state).</summary>
    public static SqliteStoreProvider Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "sqlite";

    /// <inheritdoc />
    public string Syntax => "sqlite:PATH";

    /// <inheritdoc />
    public bool KeepsStoresInFiles => true;

    /// <inheritdoc />
    public bool Claims(string uri) => uri.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public bool TryParse(string uri, Func<string, string?> environment, out StoreLocation? location, out string? error)
    {
        location = null;
        error = null;
        var path = uri[Scheme.Length..];
        path = path.StartsWith("//", StringComparison.Ordinal) ? path[2..] : path;
        if (path.Trim().Length == 0)
        {
            error = $"'{uri}': no database file after 'sqlite:'; expected {Syntax}.";
            return false;
        }

        location = ForFile(path);
        return true;
    }

    /// <inheritdoc />
    public StoreLocation ForFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new StoreLocation(this, Scheme + path, Scheme + path, path);
    }

    /// <inheritdoc />
    public IGraphStore Open(StoreLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return SqliteGraphStore.Open(new SqliteStoreOptions { Path = location.FilePath! });
    }

    /// <inheritdoc />
    public void Delete(StoreLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        // No SqliteConnection.ClearAllPools: a disposed store has closed its own connections (ReadConnectionPool), and
        // clearing every pool of the process can dispose a connection another store is opening.
        var path = location.FilePath!;
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
