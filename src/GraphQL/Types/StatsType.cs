using CiteGraph.Graph.Model;
using CiteGraph.Graph.Snapshot;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>Counts of the graph.</summary>
public sealed class StatsType : ObjectGraphType<GraphStats>
{
    public StatsType(SnapshotHolder snapshots)
    {
        Name = "Stats";
        Field(s => s.Papers).Description("Papers (stubs for referenced papers not in the corpus excluded).");
        Field(s => s.Repos).Description("Distinct code repositories.");
        Field(s => s.Topics);
        Field(s => s.Authors);
        Field(s => s.Citations).Description("CITES relationships, explicit and inferred.");
        Field(s => s.InferredCitations);
        Field(s => s.Sources).Description("Source records kept as provenance.");
        Field(s => s.Links).Description("Non-repository links (project pages, model hub, datasets).");
        Field(s => s.CoTopicEdges).Description("CO_TOPIC relationships (each paper's top-k co-topic neighbours).");
        Field<NonNullGraphType<IntGraphType>>("communities").Description("Communities from the last analytics run.")
            .Resolve(_ => snapshots.State.Analytics?.Communities ?? 0);
        Field<FloatGraphType>("modularity").Description("Modularity of the last run's communities.")
            .Resolve(_ => snapshots.State.Analytics?.Modularity);
        Field<StringGraphType>("analyzedAt").Description("When analytics last ran (ISO 8601), null if never.")
            .Resolve(_ => snapshots.State.Analytics?.RanAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }
}
