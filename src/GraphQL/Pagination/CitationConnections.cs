using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.GraphQL.Errors;
using GraphQL;
using GraphQL.Types.Relay.DataObjects;

namespace CiteGraph.GraphQL.Pagination;

/// <summary>Resolves <c>Paper.cites</c> and <c>Paper.citedBy</c> from <c>first</c>, <c>after</c>, <c>kind</c> and <c>minConfidence</c>.</summary>
internal static class CitationConnections
{
    public static async Task<Connection<CitationLink>> ResolveAsync(IGraphStore store, IResolveFieldContext<Paper> ctx, CitationDirection direction)
    {
        var first = Arguments.PageSize(ctx);
        var after = (int)(Cursor.Decode(ctx.GetArgument<string?>("after")) ?? 0);
        var minConfidence = ctx.GetArgument<double?>("minConfidence") ?? 0;
        if (minConfidence is < 0 or > 1 || double.IsNaN(minConfidence))
        {
            throw new InvalidArgumentError("minConfidence", $"must be between 0 and 1, got {minConfidence}.");
        }

        var query = new CitationQuery(ctx.Source.Id, direction, first, after, ctx.GetArgument<CitationKind?>("kind"), minConfidence);
        return Connections.Of(await store.GetCitationsAsync(query, ctx.CancellationToken), after);
    }
}
