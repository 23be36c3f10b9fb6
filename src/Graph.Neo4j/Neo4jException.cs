namespace CiteGraph.Graph.Neo4j;

/// <summary>
/// Neo4j refused a statement: <see cref="Code"/> is its status code (<c>Neo.ClientError.Statement.SyntaxError</c>, …).
/// Codes of the <c>TransientError</c> classification are transient; client errors (syntax, constraint, security) are not.
/// </summary>
public sealed class Neo4jException : GraphStoreException
{
    public Neo4jException()
        : this("Neo.DatabaseError.General.UnknownError", "Neo4j failed without a message.")
    {
    }

    public Neo4jException(string message)
        : this("Neo.DatabaseError.General.UnknownError", message)
    {
    }

    public Neo4jException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "Neo.DatabaseError.General.UnknownError";
    }

    public Neo4jException(string code, string message, int? httpStatus = null)
        : base($"Neo4j error {code}: {message}")
    {
        Code = code;
        Neo4jMessage = message;
        HttpStatus = httpStatus;
    }

    /// <summary>The Neo4j status code, <c>Neo.[Classification].[Category].[Title]</c>.</summary>
    public string Code { get; }

    /// <summary>The message as Neo4j wrote it.</summary>
    public string? Neo4jMessage { get; }

    /// <summary>The HTTP status the error came with (202 for most statement errors, 401 for authentication).</summary>
    public int? HttpStatus { get; }

    /// <summary>The classification part of <see cref="Code"/>: <c>ClientError</c>, <c>TransientError</c> or <c>DatabaseError</c>.</summary>
    public string Classification => Code.Split('.') is { Length: > 1 } parts ? parts[1] : "";

    /// <inheritdoc />
    public override bool IsTransient => IsTransientCode(Code);

    /// <summary>True for codes Neo4j documents as safe to retry.</summary>
    public static bool IsTransientCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        // DatabaseUnavailable is a TransientError too: the database is starting or switching over.
        return code.StartsWith("Neo.TransientError.", StringComparison.Ordinal);
    }
}
