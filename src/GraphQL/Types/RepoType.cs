using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>A code repository papers reference.</summary>
public sealed class RepoType : ObjectGraphType<Repo>
{
    public RepoType(IGraphStore store)
    {
        Name = "Repo";
        Description = "A code repository, identified by its canonical URL https://host/owner/name (lower-cased).";
        Field(r => r.Url).Description("Canonical URL.");
        Field(r => r.Host).Description("Code host, e.g. github.com.");
        Field(r => r.Owner).Description("Owner (user or organization), lower-cased.");
        Field(r => r.Name).Description("Repository name, lower-cased.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PaperType>>>>("papers")
            .Description("Papers that reference this repository.")
            .ResolveAsync(async ctx => await store.GetPapersOfRepoAsync(ctx.Source.Url, ctx.CancellationToken));
    }
}
