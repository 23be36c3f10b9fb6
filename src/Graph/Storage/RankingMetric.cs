namespace CiteGraph.Graph.Storage;

/// <summary>What papers can be ranked by.</summary>
public enum RankingMetric
{
    PageRank,
    Betweenness,
    Citations,
    Core,
}

/// <summary>A paper's place in a ranking.</summary>
public sealed record RankedPaper(int Rank, Model.Paper Paper, double Score);
