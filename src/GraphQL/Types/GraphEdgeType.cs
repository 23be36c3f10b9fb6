using CiteGraph.GraphQL.Views;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>An edge between two papers: maps onto a Cytoscape.js edge element (data.source, data.target).</summary>
public sealed class GraphEdgeType : ObjectGraphType<GraphEdgeView>
{
    public GraphEdgeType()
    {
        Name = "GraphEdge";
        Field<NonNullGraphType<IdGraphType>>("source").Description("Citing paper (or one of two papers sharing a repository).").Resolve(c => c.Source.Source);
        Field<NonNullGraphType<IdGraphType>>("target").Description("Cited paper (or the other paper).").Resolve(c => c.Source.Target);
        Field<NonNullGraphType<EdgeKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<FloatGraphType>("weight").Description("Edge weight for layouts: a citation's confidence, a CO_TOPIC link's score, 1 for SHARED_REPO.").Resolve(c => c.Source.Confidence);
        Field<FloatGraphType>("confidence").Description("1 for a stated citation; below 1 for an inferred one.").Resolve(c => c.Source.Confidence);
        Field<StringGraphType>("evidence")
            .Description("The text an inferred citation was matched on; for CO_TOPIC, the shared topics that made the link with what each contributed to its weight.")
            .Resolve(c => c.Source.Evidence);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SharedTopicType>>>>("sharedTopics")
            .Description("For CO_TOPIC: the best shared topics (up to 3), each with what it contributed to the link's weight; empty for other kinds.")
            .Resolve(c => c.Source.SharedTopics);
        Field<StringGraphType>("via").Description("For SHARED_REPO: the repository both papers reference.").Resolve(c => c.Source.Via);
    }
}
