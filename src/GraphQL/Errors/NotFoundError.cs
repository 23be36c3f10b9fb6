using global::GraphQL;

namespace CiteGraph.GraphQL.Errors;

/// <summary>An id argument that names nothing in the graph.</summary>
public sealed class NotFoundError : ExecutionError
{
    public NotFoundError(string argument, string id, string? detail = null)
        : base($"Argument '{argument}': no paper has the id '{(id.Length > 100 ? id[..100] + "…" : id)}'" + (detail is null ? "." : $"; it {detail}"))
    {
        Code = ErrorCodes.NotFound;
        Data["argument"] = argument;
    }
}
