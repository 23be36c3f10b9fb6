namespace CiteGraph.Graph.Neo4j;

/// <summary>
/// The Neo4j store's provider: <c>neo4j+http://USER:PASS@HOST:7474/DB</c> (<c>neo4j+https://</c> for TLS; plain
/// <c>http(s)://</c> as <c>NEO4J_URI</c> gives it). Credentials and database missing from the URI come from
/// <c>NEO4J_USER</c>, <c>NEO4J_PASSWORD</c> and <c>NEO4J_DATABASE</c>. Bolt URIs are claimed only to say why not.
/// </summary>
public sealed class Neo4jStoreProvider : IGraphStoreProvider
{
    private static readonly string[] HttpSchemes = ["neo4j+http", "http"];
    private static readonly string[] HttpsSchemes = ["neo4j+https", "https"];
    private static readonly string[] BoltSchemes = ["bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"];

    /// <summary>The provider (it keeps no state).</summary>
    public static Neo4jStoreProvider Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "neo4j";

    /// <inheritdoc />
    public string Syntax => "neo4j+http://USER:PASS@HOST:7474/DB";

    /// <inheritdoc />
    public bool KeepsStoresInFiles => false;

    /// <inheritdoc />
    public bool Claims(string uri)
    {
        var scheme = SchemeOf(uri);
        return HttpSchemes.Contains(scheme) || HttpsSchemes.Contains(scheme) || BoltSchemes.Contains(scheme);
    }

    /// <inheritdoc />
    public bool TryParse(string uri, Func<string, string?> environment, out StoreLocation? location, out string? error)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(environment);
        location = null;
        error = null;
        var scheme = SchemeOf(uri);
        var redacted = StoreLocation.Redact(uri);
        if (BoltSchemes.Contains(scheme))
        {
            error = $"'{redacted}': Bolt is not supported (no Bolt driver here); use Neo4j's HTTP Query API: {Syntax}.";
            return false;
        }

        var httpScheme = HttpsSchemes.Contains(scheme) ? Uri.UriSchemeHttps : Uri.UriSchemeHttp;
        if (!Uri.TryCreate(string.Concat(httpScheme, uri.AsSpan(scheme.Length)), UriKind.Absolute, out var address) || address.Host.Length == 0)
        {
            error = $"'{redacted}' is not a valid address; expected {Syntax}.";
            return false;
        }

        string? user = null, password = null;
        if (address.UserInfo.Length > 0)
        {
            var parts = address.UserInfo.Split(':', 2);
            user = Uri.UnescapeDataString(parts[0]);
            password = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : null;
        }

        var segments = address.AbsolutePath.Trim('/');
        if (segments.Contains('/', StringComparison.Ordinal))
        {
            error = $"'{redacted}': the path must be just the database name (…:7474/neo4j).";
            return false;
        }

        // Without a port, the Neo4j HTTP(S) connector's defaults (7474/7473), not HTTP's 80/443.
        var port = !address.IsDefaultPort ? address.Port : httpScheme == Uri.UriSchemeHttps ? 7473 : 7474;
        var options = new Neo4jStoreOptions
        {
            Uri = new UriBuilder(httpScheme, address.Host, port).Uri,
            User = NonEmpty(user) ?? NonEmpty(environment("NEO4J_USER")) ?? "neo4j",
            Password = NonEmpty(password) ?? environment("NEO4J_PASSWORD") ?? "",
            Database = NonEmpty(Uri.UnescapeDataString(segments)) ?? NonEmpty(environment("NEO4J_DATABASE")) ?? "neo4j",
        };
        // The snapshot's page size is a deployment's memory knob, not part of the store's address.
        if (NonEmpty(environment("NEO4J_SNAPSHOT_PAGE_SIZE")) is { } pageSize)
        {
            options.SnapshotPageSize = int.TryParse(pageSize, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
        }

        if (options.Validation() is { } invalid)
        {
            error = $"'{redacted}': {invalid}";
            return false;
        }

        location = LocationOf(options);
        return true;
    }

    /// <summary>The location of a store with these options.</summary>
    public StoreLocation LocationOf(Neo4jStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var at = $"{options.Uri!.Host}:{options.Uri.Port}/{options.Database}";
        var scheme = "neo4j+" + options.Uri.Scheme;
        return new StoreLocation(
            this,
            $"{scheme}://{Uri.EscapeDataString(options.User)}:{Uri.EscapeDataString(options.Password)}@{at}",
            $"{scheme}://{options.User}:***@{at}",
            settings: options,
            name: $"neo4j-{options.Database}");
    }

    /// <inheritdoc />
    public IGraphStore Open(StoreLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return new Neo4jGraphStore((Neo4jStoreOptions)location.Settings!);
    }

    private static string SchemeOf(string uri) => uri.Trim().Split("://", 2)[0].ToLowerInvariant();

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
