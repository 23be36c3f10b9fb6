using CiteGraph.GraphQL.Errors;
using GraphQL;

namespace CiteGraph.GraphQL.Mutations;

/// <summary>Carries the endpoint's verdict on the request's API key to the mutation resolvers.</summary>
public static class MutationAccess
{
    internal const string Key = "citegraph.apiKeyAccepted";

    /// <summary>Throws an UNAUTHORIZED GraphQL error unless the request presented the configured API key.</summary>
    public static void Demand(IResolveFieldContext context, ApiKeyOptions options)
    {
        if (string.IsNullOrEmpty(options.ApiKey))
        {
            throw new ExecutionError("Mutations are disabled: the server has no API key configured (set CITEGRAPH_API_KEY).") { Code = ErrorCodes.Unauthorized };
        }

        if (!context.UserContext.TryGetValue(Key, out var accepted) || accepted is not true)
        {
            throw new ExecutionError("Mutations need the API key in the X-Api-Key header.") { Code = ErrorCodes.Unauthorized };
        }
    }
}
