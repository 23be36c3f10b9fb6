using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.GraphQL.Pagination;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>A community of papers found by Louvain or Leiden.</summary>
public sealed class CommunityType : ObjectGraphType<Community>
{
    public CommunityType(IGraphStore store)
    {
        Name = "Community";
        Description = "A community of papers found by Louvain or Leiden over the citation graph.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Community;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id: C and the community number.").Resolve(c => NodeInterface.CommunityId(c.Source.Id));
        Field(c => c.Level).Description("Hierarchy level of the partition it belongs to (0 = finest).");
        Field(c => c.Size).Description("Number of member papers (stubs included).");
        Field(c => c.Label).Description("The words its most central members' titles share most.");
        Field<NonNullGraphType<PaperConnectionType>>("papers")
            .Description("Member papers, as a Relay connection.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 20)
            .Argument<StringGraphType>("after")
            .ResolveAsync(async ctx => await PaperConnections.ResolveAsync(store, ctx, new PaperFilter(Community: ctx.Source.Id)));
    }
}
