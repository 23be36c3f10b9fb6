using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.GraphQL.Batching;
using CiteGraph.GraphQL.Pagination;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>A community of papers found by Louvain or Leiden.</summary>
public sealed class CommunityType : ObjectGraphType<Community>
{
    public CommunityType(IGraphStore store)
    {
        Name = "Community";
        Description = "A community of papers found by Louvain or Leiden over the graph the run chose (citations, or the hybrid of " +
            "citations, co-topic links and semantic neighbours), at one level of the hierarchy.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Community;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id: C and the community number.").Resolve(c => NodeInterface.CommunityId(c.Source.Id));
        Field(c => c.Level).Description("Hierarchy level: 0 = coarsest (fields); each level splits the one above (subfields).");
        Field(c => c.Size).Description("Number of member papers (stubs included).");
        Field(c => c.Label).Description(
            "Up to three terms of its members' titles and abstracts most over-represented against the whole corpus (no two " +
            "communities of a level lead with the same term); a single paper's community is labelled by its title.");
        Field<CommunityType>("parent")
            .Description("The community one level up that contains this one; null at level 0.")
            .Resolve(ctx => ctx.Source.Parent is { } id ? RequestLoaders.For(ctx, store).Communities.Load(id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PaperType>>>>("centralPapers")
            .Description("Its most central members (strongest links inside the community), most central first; at most 5.")
            .ResolveAsync(async ctx =>
            {
                var papers = await store.GetPapersAsync(ctx.Source.CentralPapers, ctx.CancellationToken);
                return ctx.Source.CentralPapers.Where(papers.ContainsKey).Select(id => papers[id]).ToList();
            });
        Field<NonNullGraphType<PaperConnectionType>>("papers")
            .Description("Member papers, as a Relay connection.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 20)
            .Argument<StringGraphType>("after")
            .ResolveAsync(async ctx => await PaperConnections.ResolveAsync(store, ctx, new PaperFilter(Community: ctx.Source.Id)));
    }
}
