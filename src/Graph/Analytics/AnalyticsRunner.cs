using System.Diagnostics;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;

namespace CiteGraph.Graph.Analytics;

/// <summary>
/// Reads the citation graph from a store into CSR arrays, runs the requested kernels and writes the scores and
/// communities back in one transaction. Needs the store's analytics role, and its paper reads to label communities.
/// </summary>
public sealed class AnalyticsRunner(IAnalyticsStore store, IPaperReader paperReader)
{
    /// <summary>A runner over a whole store.</summary>
    public AnalyticsRunner(IGraphStore store)
        : this(store, store)
    {
    }

    /// <summary>Communities labeled from their members' titles (the largest ones; the rest are numbered).</summary>
    private const int LabeledCommunities = 200;

    /// <summary>Runs <paramref name="request"/>; <paramref name="progress"/> hears each step as it starts.</summary>
    public async Task<AnalyticsReport> RunAsync(AnalyticsRequest request, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var total = Stopwatch.StartNew();
        var steps = new List<AnalyticsStep>();
        var algorithms = request.Algorithms;

        var coTopic = request.Graph == AnalyticsGraph.CoTopic;
        progress?.Report(coTopic ? "reading the co-topic graph" : "reading the citation graph");
        var edges = coTopic
            ? await store.ReadCoTopicGraphAsync(cancellationToken).ConfigureAwait(false)
            : await store.ReadCitationGraphAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var graph = CsrGraph.FromEdges(edges.NodeCount, edges.Sources, edges.Targets, edges.Weights);
        steps.Add(new AnalyticsStep("read", total.Elapsed, $"{edges.NodeCount:N0} nodes, {edges.EdgeCount:N0} edges"));

        T Step<T>(string name, Func<T> run, Func<T, string> outcome)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(name);
            var clock = Stopwatch.StartNew();
            var result = run();
            steps.Add(new AnalyticsStep(name, clock.Elapsed, outcome(result)));
            return result;
        }

        double[]? pageRank = null, betweenness = null;
        int[]? community = null, core = null, component = null;
        CommunityResult? partition = null;
        int? weak = null, strong = null;

        if (algorithms.Contains(AnalyticsAlgorithm.PageRank))
        {
            pageRank = Step("pagerank", () => PageRank.Compute(graph), r => $"{r.Iterations} iterations{(r.Converged ? ", converged" : "")}").Scores;
        }

        if (algorithms.Contains(AnalyticsAlgorithm.Betweenness))
        {
            betweenness = Step("betweenness", () => Betweenness.Compute(graph, new BetweennessOptions { SamplingSize = request.BetweennessSamples, Seed = request.Seed }),
                _ => request.BetweennessSamples is { } k ? $"sampled from {k:N0} sources" : "exact");
        }

        if (algorithms.Contains(AnalyticsAlgorithm.Louvain))
        {
            partition = Step("louvain", () => Louvain.Compute(graph, new LouvainOptions { Resolution = request.Resolution, Seed = request.Seed }),
                r => $"{r.CommunityCount:N0} communities, modularity {r.Modularity:F4}");
        }

        if (algorithms.Contains(AnalyticsAlgorithm.Leiden))
        {
            partition = Step("leiden", () => Leiden.Compute(graph, new LeidenOptions { Resolution = request.Resolution, Seed = request.Seed }),
                r => $"{r.CommunityCount:N0} communities, modularity {r.Modularity:F4}");
        }

        if (algorithms.Contains(AnalyticsAlgorithm.Wcc))
        {
            var result = Step("wcc", () => WeaklyConnectedComponents.Compute(graph), r => $"{r.Count:N0} components");
            (component, weak) = (result.Membership, result.Count);
        }

        if (algorithms.Contains(AnalyticsAlgorithm.Scc))
        {
            strong = Step("scc", () => StronglyConnectedComponents.Compute(graph), r => $"{r.Count:N0} components").Count;
        }

        if (algorithms.Contains(AnalyticsAlgorithm.KCore))
        {
            core = Step("kcore", () => KCore.Compute(graph), r => $"max core {(r.Length == 0 ? 0 : r.Max())}");
        }

        IReadOnlyList<Community>? communities = null;
        if (partition is not null)
        {
            community = partition.Communities;
            progress?.Report("labeling communities");
            communities = await LabelAsync(edges.NodeIds, partition, pageRank, cancellationToken).ConfigureAwait(false);
        }

        progress?.Report("writing results");
        var write = Stopwatch.StartNew();
        await store.WriteAnalyticsAsync(new AnalyticsResults
        {
            NodeIds = edges.NodeIds,
            PageRank = pageRank,
            Betweenness = betweenness,
            Community = community,
            CoreNumber = core,
            Component = component,
            Communities = communities,
            Modularity = partition?.Modularity,
            Graph = coTopic ? "cotopic" : "citations",
            Algorithms = algorithms.Select(a => a.ToString().ToLowerInvariant()).Order(StringComparer.Ordinal).ToList(),
            RanAt = DateTimeOffset.UtcNow,
        }, cancellationToken).ConfigureAwait(false);
        steps.Add(new AnalyticsStep("write", write.Elapsed, $"{edges.NodeCount:N0} papers"));

        return new AnalyticsReport(edges.NodeCount, edges.EdgeCount, steps, partition?.CommunityCount, partition?.Modularity, weak, strong, total.Elapsed);
    }

    private async Task<IReadOnlyList<Community>> LabelAsync(string[] ids, CommunityResult partition, double[]? rank, CancellationToken cancellationToken)
    {
        var members = new List<int>[partition.CommunityCount];
        for (var node = 0; node < partition.Communities.Length; node++)
        {
            (members[partition.Communities[node]] ??= []).Add(node);
        }

        var level = partition.Levels.Count - 1;
        var result = new List<Community>(members.Length);
        var bySize = Enumerable.Range(0, members.Length).OrderByDescending(c => members[c]?.Count ?? 0).ThenBy(c => c).ToList();
        foreach (var (c, position) in bySize.Select((c, i) => (c, i)))
        {
            var nodes = members[c] ?? [];
            var label = $"community {c}";
            if (position < LabeledCommunities && nodes.Count > 1)
            {
                // The most central members speak for the community.
                var sample = (rank is null ? nodes.AsEnumerable() : nodes.OrderByDescending(n => rank[n])).Take(50).Select(n => ids[n]).ToList();
                var papers = await paperReader.GetPapersAsync(sample, cancellationToken).ConfigureAwait(false);
                label = CommunityLabeler.Label(papers.Values.Select(p => p.Title));
            }

            result.Add(new Community(c, Math.Max(level, 0), nodes.Count, label));
        }

        return result;
    }
}
