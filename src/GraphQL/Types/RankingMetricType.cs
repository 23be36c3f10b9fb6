using CiteGraph.Graph.Storage;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>PAGERANK, BETWEENNESS, CITATIONS or CORE.</summary>
public sealed class RankingMetricType : EnumerationGraphType<RankingMetric>
{
    public RankingMetricType()
    {
        Name = "RankingMetric";
        Description = "What to rank papers by: PAGERANK, BETWEENNESS, CORE (from the last analytics run) or CITATIONS (incoming CITES).";
    }

    /// <summary>DESIGN §7 spells the values as one word: PAGERANK, not PAGE_RANK.</summary>
    protected override string ChangeEnumCase(string val) => val.ToUpperInvariant();
}
