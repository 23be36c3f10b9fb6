namespace CiteGraph.Graph.Analytics;

/// <summary>Which graph analytics run on.</summary>
public enum AnalyticsGraph
{
    /// <summary>
    /// Chosen by <see cref="GraphChoice.Choose"/>: centrality on the citations, communities on the citations when they reach
    /// at least 90% of the papers and on <see cref="Hybrid"/> otherwise.
    /// </summary>
    Auto,

    /// <summary>Papers and their citations (explicit and inferred), directed citing → cited.</summary>
    Citations,

    /// <summary>Papers and their CO_TOPIC neighbours, weighted by idf-weighted shared topics.</summary>
    CoTopic,

    /// <summary>Papers and their nearest neighbours by sentence embedding (cosine), where vectors are stored.</summary>
    Semantic,

    /// <summary>Citations, co-topic and semantic neighbours together, each layer's weights scaled to mean 1 and summed.</summary>
    Hybrid,
}

/// <summary>What <see cref="AnalyticsRunner"/> should compute.</summary>
public sealed record AnalyticsRequest
{
    /// <summary>The default set: PageRank, Leiden, WCC and k-core (betweenness is O(n·m) and opt-in).</summary>
    public static IReadOnlySet<AnalyticsAlgorithm> DefaultAlgorithms { get; } = new HashSet<AnalyticsAlgorithm>
    {
        AnalyticsAlgorithm.PageRank, AnalyticsAlgorithm.Leiden, AnalyticsAlgorithm.Wcc, AnalyticsAlgorithm.KCore,
    };

    /// <summary>Algorithms to run. Default <see cref="DefaultAlgorithms"/>.</summary>
    public IReadOnlySet<AnalyticsAlgorithm> Algorithms { get; init; } = DefaultAlgorithms;

    /// <summary>The graph to analyze. Default <see cref="AnalyticsGraph.Auto"/>.</summary>
    public AnalyticsGraph Graph { get; init; } = AnalyticsGraph.Auto;

    /// <summary>Sources sampled for betweenness; null for exact. Default null.</summary>
    public int? BetweennessSamples { get; init; }

    /// <summary>Modularity resolution γ for Louvain and Leiden. Default 1.0.</summary>
    public double Resolution { get; init; } = 1.0;

    /// <summary>Seed of every randomized choice; equal seeds give equal results. Default 42.</summary>
    public int Seed { get; init; } = 42;
}
