using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CiteGraph.GraphQL.Http;

/// <summary>
/// The response media type of GraphQL over HTTP: <c>application/graphql-response+json</c> when the client accepts it at
/// least as much as <c>application/json</c>; <c>application/json</c> otherwise, also when <c>Accept</c> is missing,
/// is <c>*/*</c>, or names neither (older clients keep working as before).
/// </summary>
internal static class ResponseMediaType
{
    /// <summary>The spec's media type: its status codes say whether the request was executed.</summary>
    public const string GraphQLResponse = "application/graphql-response+json";

    /// <summary>The legacy media type: GraphQL errors answer 200.</summary>
    public const string Json = "application/json";

    /// <summary>True when the response should be <see cref="GraphQLResponse"/>.</summary>
    public static bool PrefersGraphQLResponse(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return false;
        }

        double graphQL = -1, json = -1;
        foreach (var type in accepted)
        {
            var quality = type.Quality ?? 1.0;
            if (type.MediaType.Equals(GraphQLResponse, StringComparison.OrdinalIgnoreCase))
            {
                graphQL = Math.Max(graphQL, quality);
            }
            else if (type.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase))
            {
                json = Math.Max(json, quality);
            }
        }

        // A tie goes to the spec's type: a client naming it knows what it means (Apollo Client sends both, json at 0.9).
        return graphQL > 0 && graphQL >= json;
    }
}
