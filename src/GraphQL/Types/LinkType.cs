using CiteGraph.Graph.Model;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>A non-repository URL a paper names.</summary>
public sealed class LinkType : ObjectGraphType<WebLink>
{
    public LinkType()
    {
        Name = "Link";
        Field(l => l.Url);
        Field<NonNullGraphType<EnumerationGraphType<LinkKind>>>("kind").Resolve(ctx => ctx.Source.Kind);
    }
}
