using System.Text.RegularExpressions;

namespace CiteGraph.Graph.Neo4j;

/// <summary>Options of the Neo4j store, reached over Neo4j's HTTP Query API (<c>POST /db/{Database}/query/v2</c>, Neo4j 5.25+).</summary>
public sealed partial class Neo4jStoreOptions
{
    /// <summary>Base address of the Neo4j HTTP connector, e.g. <c>http://localhost:7474</c>. Required.</summary>
    public Uri? Uri { get; set; }

    /// <summary>User for basic authentication. Default <c>neo4j</c>.</summary>
    public string User { get; set; } = "neo4j";

    /// <summary>Password for basic authentication. Required.</summary>
    public string Password { get; set; } = "";

    /// <summary>Database name. Default <c>neo4j</c>.</summary>
    public string Database { get; set; } = "neo4j";

    /// <summary>How long one HTTP request may take before it counts as failed (and is retried). Default 60 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many times a transient failure (<c>Neo.TransientError.*</c>, 503, no connection, timeout) is retried. Default 6.</summary>
    public int MaxRetries { get; set; } = 6;

    /// <summary>The first retry's delay; each further retry doubles it, up to 10 seconds. Default 250 ms.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Rows per <c>UNWIND $rows</c> request. Default 1000 (a JSON body of a few hundred KB).</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>
    /// Papers per page when the server's snapshot is read (papers, then their citations, repository links and co-topic
    /// edges, page by page). Default 20000: a page of citations is then a few MB of JSON at ten references a paper.
    /// </summary>
    public int SnapshotPageSize { get; set; } = 20_000;

    /// <summary>Throws <see cref="ArgumentException"/> naming what is wrong, so a bad configuration fails at start-up.</summary>
    public void Validate()
    {
        if (Validation() is { } error)
        {
            throw new ArgumentException(error);
        }
    }

    /// <summary>What is wrong with these options, or null when they are usable.</summary>
    public string? Validation()
    {
        if (Uri is null)
        {
            return "Neo4j: no address; set the Neo4j HTTP address, e.g. http://localhost:7474.";
        }

        if (!Uri.IsAbsoluteUri || (Uri.Scheme != System.Uri.UriSchemeHttp && Uri.Scheme != System.Uri.UriSchemeHttps))
        {
            return $"Neo4j: '{Uri}' is not an http(s) address; this store talks Neo4j's HTTP Query API (port 7474), not Bolt.";
        }

        if (string.IsNullOrWhiteSpace(User))
        {
            return "Neo4j: no user name (NEO4J_USER).";
        }

        if (string.IsNullOrEmpty(Password))
        {
            return "Neo4j: no password (NEO4J_PASSWORD).";
        }

        if (!DatabaseName().IsMatch(Database ?? ""))
        {
            return $"Neo4j: '{Database}' is not a database name (3-63 characters: letters, digits, '.', '-', starting with a letter).";
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            return "Neo4j: the request timeout must be positive.";
        }

        if (MaxRetries < 0 || RetryDelay < TimeSpan.Zero)
        {
            return "Neo4j: retries and retry delay cannot be negative.";
        }

        if (SnapshotPageSize is < 1 or > 1_000_000)
        {
            return "Neo4j: the snapshot page size must be between 1 and 1000000 papers.";
        }

        return BatchSize is < 1 or > 100_000 ? "Neo4j: the batch size must be between 1 and 100000 rows." : null;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9.\\-]{2,62}$")]
    private static partial Regex DatabaseName();
}
