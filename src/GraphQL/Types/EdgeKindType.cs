using CiteGraph.Graph.Traversal;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>CITES (stated by a source), CITES_INFERRED (from a paper's text), SHARED_REPO (same code repository), CO_TOPIC (shared topics).</summary>
public sealed class EdgeKindType : EnumerationGraphType
{
    public EdgeKindType()
    {
        Name = "EdgeKind";
        Description = "A kind of relationship between papers.";
        Add("CITES", EdgeKinds.Cites, "A citation a source states.");
        Add("CITES_INFERRED", EdgeKinds.CitesInferred, "A citation inferred from a paper's text, with confidence and evidence.");
        Add("SHARED_REPO", EdgeKinds.SharedRepo, "Both papers reference the same code repository.");
        Add("CO_TOPIC", EdgeKinds.CoTopic, "The papers share idf-weighted topics (weight: the co-topic score).");
    }

    /// <summary>The union of the kinds a client listed, or <paramref name="all"/> when it listed none.</summary>
    public static EdgeKinds Combine(IEnumerable<EdgeKinds>? kinds, EdgeKinds all) =>
        kinds?.Aggregate(EdgeKinds.None, (a, k) => a | k) is { } combined && combined != EdgeKinds.None ? combined : all;
}
