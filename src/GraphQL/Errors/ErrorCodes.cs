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

    /// <summary>A semantic answer was asked for but no sentence embeddings are stored, or the model cannot be loaded.</summary>
    public const string SemanticUnavailable = "SEMANTIC_UNAVAILABLE";
}
