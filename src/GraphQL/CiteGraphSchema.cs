using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CiteGraph.GraphQL;

/// <summary>CiteGraph's GraphQL schema.</summary>
public sealed class CiteGraphSchema : Schema
{
    public CiteGraphSchema(IServiceProvider services)
        : base(services)
    {
        Query = services.GetRequiredService<CiteGraphQuery>();
        Mutation = services.GetRequiredService<Mutations.CiteGraphMutation>();
        Description = "CiteGraph: papers, the code they reference, and how they connect.";
        // Introspection reads the schema, not the data: it is bounded by the selection and depth limits, not the data
        // complexity budget (the introspection query every client sends first would cost ~1,000,000 by the data rules).
        this.WithIntrospectionComplexityImpact(0);
        // What graphql-js getIntrospectionQuery({ directiveIsRepeatable, inputValueDeprecation }) asks for; without these
        // the query every client sends first fails validation (issue 16).
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
    }

    /// <inheritdoc />
    protected override void OnBeforeInitializeType(IGraphType graphType)
    {
        base.OnBeforeInitializeType(graphType);
        Introspection.IntrospectionAdditions.AddTo(graphType);
    }
}
