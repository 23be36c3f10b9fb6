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
        Subscription = services.GetRequiredService<CiteGraphSubscription>();
        // The change feed's event types are reached through the Change interface only: register them by name.
        RegisterType(typeof(Versions.PaperAddedType));
        RegisterType(typeof(Versions.PaperMergedType));
        RegisterType(typeof(Versions.FieldChangedType));
        RegisterType(typeof(Versions.CitationChangeType));
        RegisterType(typeof(Versions.CommunityChangeType));
        Description = "CiteGraph: papers, the code they reference, and how they connect.";
        // What graphql-js getIntrospectionQuery({ directiveIsRepeatable, inputValueDeprecation }) asks for; without these
        // the query every client sends first fails validation (issue 16). Set first: the introspection types are
        // built with the features in force when they are first asked for, which the next line does.
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
        // Introspection reads the schema, not the data: it is bounded by the selection and depth limits, not the data
        // complexity budget (the introspection query every client sends first would cost ~1,000,000 by the data rules).
        this.WithIntrospectionComplexityImpact(0);
    }

    /// <inheritdoc />
    protected override void OnBeforeInitializeType(IGraphType graphType)
    {
        base.OnBeforeInitializeType(graphType);
        Introspection.IntrospectionAdditions.AddTo(graphType);
    }
}
