using CiteGraph.Graph.Model;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>A paper's reference to a repository with the text it was found as.</summary>
public sealed class RepoLinkType : ObjectGraphType<RepoLink>
{
    public RepoLinkType()
    {
        Name = "RepoLink";
        Field<NonNullGraphType<RepoType>>("repo").Resolve(ctx => ctx.Source.Repo);
        Field(l => l.Evidence).Description("The URL as the paper's text gave it.");
    }
}
