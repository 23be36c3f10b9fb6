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
    }
}
