namespace CiteGraph.GraphQL.Errors;

/// <summary>The <c>extensions.code</c> values CiteGraph's GraphQL errors carry.</summary>
public static class ErrorCodes
{
    /// <summary>An argument is out of range or malformed.</summary>
    public const string InvalidArgument = "INVALID_ARGUMENT";

    /// <summary>An id names no paper.</summary>
    public const string NotFound = "NOT_FOUND";

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
}
