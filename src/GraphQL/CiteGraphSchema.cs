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
    }
}
