namespace CiteGraph.Graph.Analytics;

/// <summary>Which graph analytics run on.</summary>
public enum AnalyticsGraph
{
    /// <summary>Papers and their citations (explicit and inferred), directed citing → cited.</summary>
    Citations,

    /// <summary>Papers and their CO_TOPIC neighbours, weighted by idf-weighted shared topics.</summary>
    CoTopic,
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

    /// <summary>The graph to analyze. Default <see cref="AnalyticsGraph.Citations"/>.</summary>
    public AnalyticsGraph Graph { get; init; } = AnalyticsGraph.Citations;

    /// <summary>Sources sampled for betweenness; null for exact. Default null.</summary>
    public int? BetweennessSamples { get; init; }

    /// <summary>Modularity resolution γ for Louvain and Leiden. Default 1.0.</summary>
    public double Resolution { get; init; } = 1.0;

    /// <summary>Seed of every randomized choice; equal seeds give equal results. Default 42.</summary>
    public int Seed { get; init; } = 42;
}
