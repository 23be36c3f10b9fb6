namespace CiteGraph.Graph.Storage;

/// <summary>
/// The registered store providers: parses a store URI by asking the provider whose scheme it is, and names the store the
/// environment asks for (<c>CITEGRAPH_STORE</c>, else <c>NEO4J_URI</c>). Parsing validates everything, so a bad setting
/// fails at start-up with a clear message.
/// </summary>
public sealed class GraphStoreProviders
{
    private readonly IReadOnlyList<IGraphStoreProvider> _providers;

    /// <summary>The registry of <paramref name="providers"/>; the first that keeps stores in files takes bare paths.</summary>
    public GraphStoreProviders(IEnumerable<IGraphStoreProvider> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        _providers = providers.ToList();
        if (_providers.Count == 0)
        {
            throw new ArgumentException("No store provider is registered.", nameof(providers));
        }
    }

    /// <summary>The providers, in registration order.</summary>
    public IReadOnlyList<IGraphStoreProvider> Providers => _providers;

    /// <summary>Every provider's URI syntax, for messages and help.</summary>
    public string Syntax => string.Join(" or ", _providers.Select(p => p.Syntax));

    /// <summary>Parses a store URI; throws <see cref="ArgumentException"/> with what is wrong.</summary>
    public StoreLocation Parse(string text, Func<string, string?>? environment = null) =>
        TryParse(text, out var location, out var error, environment) ? location! : throw new ArgumentException(error);

    /// <summary>Parses a store URI. Settings missing from it come from <paramref name="environment"/> where the provider allows.</summary>
    public bool TryParse(string? text, out StoreLocation? location, out string? error, Func<string, string?>? environment = null)
    {
        location = null;
        var uri = text?.Trim() ?? "";
        if (uri.Length == 0)
        {
            error = $"The store is empty; expected {Syntax}.";
            return false;
        }

        if (_providers.FirstOrDefault(p => p.Claims(uri)) is not { } provider)
        {
            error = $"'{StoreLocation.Redact(uri)}' is not a store URI; expected {Syntax}.";
            return false;
        }

        return provider.TryParse(uri, environment ?? (_ => null), out location, out error);
    }

    /// <summary>The store kept in the file at <paramref name="path"/>, by the first provider that keeps stores in files.</summary>
    public StoreLocation ForFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var provider = _providers.FirstOrDefault(p => p.KeepsStoresInFiles)
            ?? throw new InvalidOperationException($"No registered store keeps a store in a file; give a store URI ({Syntax}).");
        return provider.ForFile(path);
    }

    /// <summary>
    /// The store the environment names: <c>CITEGRAPH_STORE</c> (a store URI), else <c>NEO4J_URI</c> (a Neo4j address,
    /// credentials from <c>NEO4J_USER</c>/<c>NEO4J_PASSWORD</c>), else null.
    /// </summary>
    public bool TryFromEnvironment(Func<string, string?> environment, out StoreLocation? location, out string? error)
    {
        ArgumentNullException.ThrowIfNull(environment);
        location = null;
        error = null;
        foreach (var name in new[] { "CITEGRAPH_STORE", "NEO4J_URI" })
        {
            var value = environment(name);
            if (!string.IsNullOrWhiteSpace(value))
            {
                if (TryParse(value, out location, out error, environment))
                {
                    return true;
                }

                error = $"{name}: {error}";
                return false;
            }
        }

        return true;
    }
}
