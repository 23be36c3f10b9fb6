using CiteGraph.GraphQL.Views;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>Links between two communities.</summary>
public sealed class CommunityLinkType : ObjectGraphType<CommunityLinkView>
{
    public CommunityLinkType()
    {
        Name = "CommunityLink";
        Description = "Links between the papers of two communities (level 0) of the last analytics run.";
        Field<NonNullGraphType<IdGraphType>>("source").Description("One community (the lower number).").Resolve(c => NodeInterface.CommunityId(c.Source.Source));
        Field<NonNullGraphType<IdGraphType>>("target").Description("The other community.").Resolve(c => NodeInterface.CommunityId(c.Source.Target));
        Field(l => l.Citations).Description("Citations (explicit or inferred, either direction) between their papers.");
        Field(l => l.CoTopic).Description("Co-topic links between their papers.");
    }
}
