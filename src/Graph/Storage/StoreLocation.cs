namespace CiteGraph.Graph.Storage;

/// <summary>
/// Where a graph lives, as its provider parsed it from a store URI (<c>sqlite:PATH</c>,
/// <c>neo4j+http://USER:PASS@HOST:7474/DB</c>, …). Parse one through <see cref="GraphStoreProviders"/>.
/// </summary>
public sealed class StoreLocation
{
    private readonly string _uri;
    private readonly string _display;

    /// <summary>A location of <paramref name="provider"/>.</summary>
    /// <param name="provider">The provider that opens it.</param>
    /// <param name="uri">The full URI, credentials included, that the provider parses back.</param>
    /// <param name="display">The URI with any password hidden, for logs and messages.</param>
    /// <param name="filePath">The file the store lives in, for stores kept in one local file; else null.</param>
    /// <param name="settings">The provider's own parsed settings, if it wants them back in <see cref="IGraphStoreProvider.Open"/>.</param>
    /// <param name="name">A short name for files kept beside the store (rejects, merges); default the file, else the provider's name.</param>
    public StoreLocation(IGraphStoreProvider provider, string uri, string display, string? filePath = null, object? settings = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        ArgumentException.ThrowIfNullOrWhiteSpace(display);
        Provider = provider;
        _uri = uri;
        _display = display;
        FilePath = filePath;
        Settings = settings;
        Name = name ?? filePath ?? provider.Name;
    }

    /// <summary>The provider that parsed the location and opens its store.</summary>
    public IGraphStoreProvider Provider { get; }

    /// <summary>
    /// The file the store lives in, for stores kept in one local file (so a command can tell a missing or empty file
    /// from a store, keep files such as rejects beside it, and check the disk quota); null for server stores.
    /// </summary>
    public string? FilePath { get; }

    /// <summary>The provider's own parsed settings.</summary>
    public object? Settings { get; }

    /// <summary>A short name of the store for files kept beside it (<c>NAME.rejects.jsonl</c>): the file, else one the provider chose.</summary>
    public string Name { get; }

    /// <summary>Creates the store (not yet initialized).</summary>
    public IGraphStore Open() => Provider.Open(this);

    /// <summary>The location as a store URI its provider reads back, credentials included: never log it.</summary>
    public string ToUri() => _uri;

    /// <summary>The location as a URI, with any password hidden.</summary>
    public override string ToString() => _display;

    /// <summary>
    /// <paramref name="text"/> with the password of a <c>scheme://user:password@host</c> URI replaced by <c>***</c>, for
    /// messages about a URI that may carry one.
    /// </summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.LastIndexOf('@');
        var start = text.IndexOf("://", StringComparison.Ordinal);
        if (at < 0 || start < 0 || at < start)
        {
            return text;
        }

        var colon = text.IndexOf(':', start + 3);
        return colon > 0 && colon < at ? string.Concat(text.AsSpan(0, colon + 1), "***", text.AsSpan(at)) : text;
    }
}
