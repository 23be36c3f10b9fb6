using CiteGraph.Graph.Storage.Neo4j;
using CiteGraph.Graph.Storage.Sqlite;

namespace CiteGraph.Graph.Storage;

/// <summary>Which store to open.</summary>
public enum StoreKind
{
    Sqlite,
    Neo4j,
}

/// <summary>
/// Where the graph lives, from a store URI: <c>sqlite:PATH</c> (the embedded default) or
/// <c>neo4j+http://USER:PASS@HOST:7474/DB</c> (<c>neo4j+https://</c> for TLS), or from the environment
/// (<c>CITEGRAPH_STORE</c> in the same syntax, else <c>NEO4J_URI</c> with <c>NEO4J_USER</c>, <c>NEO4J_PASSWORD</c> and
/// <c>NEO4J_DATABASE</c>). Parsing validates everything, so a bad setting fails at start-up with a clear message.
/// </summary>
public sealed class StoreLocation
{
    /// <summary>The syntax, for messages.</summary>
    public const string Syntax = "sqlite:PATH or neo4j+http://USER:PASS@HOST:7474/DB";

    private StoreLocation(StoreKind kind, string? sqlitePath, Neo4jStoreOptions? neo4j)
    {
        Kind = kind;
        SqlitePath = sqlitePath;
        Neo4j = neo4j;
    }

    public StoreKind Kind { get; }

    /// <summary>The database file of a SQLite store.</summary>
    public string? SqlitePath { get; }

    /// <summary>The options of a Neo4j store.</summary>
    public Neo4jStoreOptions? Neo4j { get; }

    /// <summary>The embedded store at <paramref name="path"/>.</summary>
    public static StoreLocation Sqlite(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new StoreLocation(StoreKind.Sqlite, path, null);
    }

    /// <summary>Parses a store URI; throws <see cref="ArgumentException"/> with what is wrong.</summary>
    public static StoreLocation Parse(string text, Func<string, string?>? environment = null) =>
        TryParse(text, out var location, out var error, environment) ? location! : throw new ArgumentException(error);

    /// <summary>Parses a store URI. Credentials and database missing from a Neo4j URI come from <paramref name="environment"/>.</summary>
    public static bool TryParse(string? text, out StoreLocation? location, out string? error, Func<string, string?>? environment = null)
    {
        location = null;
        error = null;
        var env = environment ?? (_ => null);
        var s = text?.Trim() ?? "";
        if (s.Length == 0)
        {
            error = $"The store is empty; expected {Syntax}.";
            return false;
        }

        if (s.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = s["sqlite:".Length..];
            path = path.StartsWith("//", StringComparison.Ordinal) ? path[2..] : path;
            if (path.Trim().Length == 0)
            {
                error = $"'{s}': no database file after 'sqlite:'; expected {Syntax}.";
                return false;
            }

            location = Sqlite(path);
            return true;
        }

        var scheme = s.Split("://", 2)[0].ToLowerInvariant();
        string httpScheme;
        switch (scheme)
        {
            case "neo4j+http" or "http":
                httpScheme = Uri.UriSchemeHttp;
                break;
            case "neo4j+https" or "https":
                httpScheme = Uri.UriSchemeHttps;
                break;
            case "bolt" or "bolt+s" or "bolt+ssc" or "neo4j" or "neo4j+s" or "neo4j+ssc":
                error = $"'{Redact(s)}': Bolt is not supported (no Bolt driver here); use Neo4j's HTTP Query API: {Syntax}.";
                return false;
            default:
                error = $"'{Redact(s)}' is not a store URI; expected {Syntax}.";
                return false;
        }

        if (!Uri.TryCreate(string.Concat(httpScheme, s.AsSpan(scheme.Length)), UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            error = $"'{Redact(s)}' is not a valid address; expected {Syntax}.";
            return false;
        }

        string? user = null, password = null;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            user = Uri.UnescapeDataString(parts[0]);
            password = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : null;
        }

        var segments = uri.AbsolutePath.Trim('/');
        if (segments.Contains('/', StringComparison.Ordinal))
        {
            error = $"'{Redact(s)}': the path must be just the database name (…:7474/neo4j).";
            return false;
        }

        // Without a port, the Neo4j HTTP(S) connector's defaults (7474/7473), not HTTP's 80/443.
        var port = !uri.IsDefaultPort ? uri.Port : httpScheme == Uri.UriSchemeHttps ? 7473 : 7474;
        var options = new Neo4jStoreOptions
        {
            Uri = new UriBuilder(httpScheme, uri.Host, port).Uri,
            User = NonEmpty(user) ?? NonEmpty(env("NEO4J_USER")) ?? "neo4j",
            Password = NonEmpty(password) ?? env("NEO4J_PASSWORD") ?? "",
            Database = NonEmpty(Uri.UnescapeDataString(segments)) ?? NonEmpty(env("NEO4J_DATABASE")) ?? "neo4j",
        };
        if (options.Validation() is { } invalid)
        {
            error = $"'{Redact(s)}': {invalid}";
            return false;
        }

        location = new StoreLocation(StoreKind.Neo4j, null, options);
        return true;
    }

    /// <summary>
    /// The store the environment names: <c>CITEGRAPH_STORE</c> (a store URI), else <c>NEO4J_URI</c> (an http(s) or
    /// neo4j+http(s) address, credentials from <c>NEO4J_USER</c>/<c>NEO4J_PASSWORD</c>), else null.
    /// </summary>
    public static bool TryFromEnvironment(Func<string, string?> environment, out StoreLocation? location, out string? error)
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

    /// <summary>Creates the store (not yet initialized).</summary>
    public IGraphStore Open() => Kind switch
    {
        StoreKind.Sqlite => new SqliteGraphStore(new SqliteStoreOptions { Path = SqlitePath! }),
        _ => new Neo4jGraphStore(Neo4j!),
    };

    /// <summary>The location as a store URI that <see cref="Parse"/> reads back, credentials included: never log it.</summary>
    public string ToUri() => Kind == StoreKind.Sqlite
        ? "sqlite:" + SqlitePath
        : $"neo4j+{Neo4j!.Uri!.Scheme}://{Uri.EscapeDataString(Neo4j.User)}:{Uri.EscapeDataString(Neo4j.Password)}@{Neo4j.Uri.Host}:{Neo4j.Uri.Port}/{Neo4j.Database}";

    /// <summary>The location as a URI, with the password hidden.</summary>
    public override string ToString() => Kind == StoreKind.Sqlite
        ? "sqlite:" + SqlitePath
        : $"neo4j+{Neo4j!.Uri!.Scheme}://{Neo4j.User}:***@{Neo4j.Uri.Host}:{Neo4j.Uri.Port}/{Neo4j.Database}";

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static string Redact(string s)
    {
        var at = s.LastIndexOf('@');
        var start = s.IndexOf("://", StringComparison.Ordinal);
        if (at < 0 || start < 0 || at < start)
        {
            return s;
        }

        var colon = s.IndexOf(':', start + 3);
        return colon > 0 && colon < at ? string.Concat(s.AsSpan(0, colon + 1), "***", s.AsSpan(at)) : s;
    }
}
