using System.ComponentModel.DataAnnotations;

namespace CiteGraph.GraphQL;

/// <summary>Limits on what one GraphQL request may cost, section <c>CiteGraph:GraphQL</c>.</summary>
public sealed class GraphQLLimitsOptions
{
    public const string Section = "CiteGraph:GraphQL";

    /// <summary>Deepest field nesting accepted. Default 15.</summary>
    [Range(1, 1000)]
    public int MaxDepth { get; set; } = 15;

    /// <summary>Highest estimated complexity accepted (fields × list multipliers). Default 50,000.</summary>
    [Range(1, int.MaxValue)]
    public int MaxComplexity { get; set; } = 50_000;

    /// <summary>
    /// Most field selections an operation may have once its fragments are expanded, checked before validation (whose
    /// rules expand fragments). Default 2,000: the introspection query every GraphQL client sends first selects about 200.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxSelections { get; set; } = 2_000;

    /// <summary>Time a request may take from parsing to its answer (validation and execution included) before it is cancelled. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Subscriptions (GraphQL over SSE) open at once; one more is refused with 503 and Retry-After. Each holds a connection
    /// for as long as its client listens, so they are counted apart from the request budget. Default 64.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxSubscriptions { get; set; } = 64;

    /// <summary>How often an open subscription reads the change feed for new events. Default 200 ms (events arrive within it of their commit).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan SubscriptionPollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Largest request body accepted, in bytes. Default 1 MiB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Largest request body accepted from a client presenting the API key (the only one who may <c>ingest</c>), in bytes.
    /// Default 128 MiB: room for the largest <c>ingest</c> content (<see cref="Mutations.CiteGraphMutation.MaxContentLength"/>
    /// characters) even at 8 bytes a character once JSON-escaped, while anonymous clients stay at <see cref="MaxRequestBytes"/>.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long MaxIngestRequestBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>The body limit of a request: <see cref="MaxIngestRequestBytes"/> when it presented the API key.</summary>
    public long BodyLimit(bool keyAccepted) => keyAccepted ? Math.Max(MaxRequestBytes, MaxIngestRequestBytes) : MaxRequestBytes;
}
