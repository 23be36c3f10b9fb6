namespace CiteGraph.Graph.Analytics;

/// <summary>The algorithms <see cref="AnalyticsRunner"/> can run.</summary>
public enum AnalyticsAlgorithm
{
    /// <summary>PageRank with Neo4j GDS semantics, over the directed citation graph.</summary>
    PageRank,

    /// <summary>Betweenness (Brandes), over the directed citation graph; sampled when a sample size is given.</summary>
    Betweenness,

    /// <summary>Louvain communities over the undirected view.</summary>
    Louvain,

    /// <summary>Leiden communities over the undirected view (used for the written communities when both run).</summary>
    Leiden,

    /// <summary>Weakly connected components.</summary>
    Wcc,

    /// <summary>Strongly connected components (counted in the report; the component written back is the weak one).</summary>
    Scc,

    /// <summary>k-core decomposition of the undirected view.</summary>
    KCore,
}
