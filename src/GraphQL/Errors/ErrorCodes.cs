namespace CiteGraph.GraphQL.Errors;

/// <summary>The <c>extensions.code</c> values CiteGraph's GraphQL errors carry.</summary>
public static class ErrorCodes
{
    /// <summary>An argument is out of range or malformed.</summary>
    public const string InvalidArgument = "INVALID_ARGUMENT";

    /// <summary>An id names no paper.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>A version id (changes since:, asOf:) names no version of the store.</summary>
    public const string VersionNotFound = "VERSION_NOT_FOUND";

    /// <summary>A mutation without a valid X-Api-Key header.</summary>
    public const string Unauthorized = "UNAUTHORIZED";

    /// <summary>A pagination cursor was not produced by this server.</summary>
    public const string InvalidCursor = "INVALID_CURSOR";

    /// <summary>The HTTP request is not a GraphQL request (no query, bad JSON, wrong method).</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>The query costs more than the limits allow (complexity, depth or expanded selections); nothing was run.</summary>
    public const string Complexity = "COMPLEXITY";

    /// <summary>The request did not finish within its time budget, or the server is shutting down.</summary>
    public const string Timeout = "TIMEOUT";

    /// <summary>A semantic answer was asked for but no sentence embeddings are stored, or the model cannot be loaded.</summary>
    public const string SemanticUnavailable = "SEMANTIC_UNAVAILABLE";

    /// <summary>The store is busy, locked or cannot be reached; <c>extensions.retryAfterSeconds</c> says when to try again.</summary>
    public const string StoreUnavailable = "STORE_UNAVAILABLE";

    /// <summary>The store behind this server cannot answer the field yet (the Neo4j store and asOf, say); the message says what can.</summary>
    public const string NotSupportedByStore = "NOT_SUPPORTED_BY_STORE";

    /// <summary>Something failed that the client cannot fix; the details are in the server's log, never in the answer.</summary>
    public const string Internal = "INTERNAL";
}
