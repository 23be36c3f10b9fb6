using CiteGraph.GraphQL.Errors;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace CiteGraph.GraphQL.Http;

/// <summary>Rejects mutations and subscriptions sent with GET, which must be safe to repeat and to cache.</summary>
internal sealed class QueriesOnlyRule : ValidationRuleBase
{
    public static readonly QueriesOnlyRule Instance = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new MatchingNodeVisitor<GraphQLOperationDefinition>((operation, ctx) =>
        {
            if (operation.Operation != OperationType.Query &&
                (ctx.Operation is null || ReferenceEquals(ctx.Operation, operation)))
            {
                ctx.ReportError(new MutationOverGetError(ctx.Document.Source, operation));
            }
        }));
}

/// <summary>A mutation or subscription sent with GET: the endpoint answers it 405 with <c>Allow: POST</c>.</summary>
internal sealed class MutationOverGetError(GraphQLParser.ROM source, GraphQLOperationDefinition operation)
    : ValidationError(source, ErrorCodes.BadRequest, "GET requests may only run queries; send mutations with POST.", operation);
