using global::GraphQL;

namespace CiteGraph.GraphQL.Errors;

/// <summary>A GraphQL error for an argument the client got wrong; names the argument and the allowed values.</summary>
public sealed class InvalidArgumentError : ExecutionError
{
    public InvalidArgumentError(string argument, string message)
        : base($"Argument '{argument}': {message}")
    {
        Code = ErrorCodes.InvalidArgument;
        Data["argument"] = argument;
    }
}
