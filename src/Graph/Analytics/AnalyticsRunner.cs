using System.Diagnostics;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;

namespace CiteGraph.Graph.Analytics;

/// <summary>
/// Reads the graphs from a store into CSR arrays, runs the requested kernels and writes the scores and communities back in
/// one transaction. Centrality (PageRank, betweenness, components, cores) runs on the citations unless <c>--graph</c> names
/// another graph; communities run on the graph <see cref="GraphChoice.Choose"/> picks, at every level of a
/// <see cref="CommunityHierarchy"/>, each labelled by its <see cref="DistinctiveTerms"/> and listing its central papers.
/// Needs the store's analytics role, its paper reads (for the labels) and, for the semantic layer, its vectors.
/// </summary>
public sealed class AnalyticsRunner(IAnalyticsStore store, IPaperReader paperReader, IPaperVectorStore? vectorStore = null)
{
    /// <summary>A runner over a whole store (its vectors too, when it keeps them).</summary>
    public AnalyticsRunner(IGraphStore store)
        : this(store, store, store as IPaperVectorStore)
    {
    }

    /// <summary>Central papers kept per community.</summary>
    private const int CentralPapers = 5;

    /// <summary>Papers read per batch for the labels' text.</summary>
    private const int TextBatch = 2_000;

    /// <summary>Runs <paramref name="request"/>; <paramref name="progress"/> hears each step as it starts.</summary>
    public async Task<AnalyticsReport> RunAsync(AnalyticsRequest request, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var total = Stopwatch.StartNew();
        var steps = new List<AnalyticsStep>();
        var algorithms = request.Algorithms;
        var wantsCommunities = algorithms.Contains(AnalyticsAlgorithm.Leiden) || algorithms.Contains(AnalyticsAlgorithm.Louvain);

        T Step<T>(string name, Func<T> run, Func<T, string> outcome) => Timed(steps, progress, name, run, outcome, cancellationToken);

        // The edge lists die with the read: the graphs built from them are all the kernels need (at 10M the citations'
        // source array alone is 465 MB, and an async method's locals live until it returns).
        var (ids, citationGraph, chosenGraph, choice) = await ReadGraphsAsync(request, wantsCommunities, steps, progress, cancellationToken).ConfigureAwait(false);
        // Centrality means most on citations; an explicit --graph runs everything on the graph it names, as it always did.
        var graph = request.Graph == AnalyticsGraph.Auto ? citationGraph : chosenGraph;

        double[]? pageRank = null, betweenness = null;
        int[]? core = null, component = null;
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

        CommunityHierarchy? hierarchy = null;
        // The previous run's communities: Leiden starts from them and the new ones take their ids (stable community ids).
        var previousClock = Stopwatch.StartNew();
        var stable = wantsCommunities && store is ICommunityHistoryStore history
            ? await StableCommunities.LoadAsync(store, history, ids, choice.Name, cancellationToken).ConfigureAwait(false)
            : StableCommunities.None();
        if (wantsCommunities)
        {
            steps.Add(new AnalyticsStep("previous communities", previousClock.Elapsed, !stable.HasPrevious
                ? "none: a first run"
                : $"{stable.PreviousLevels} levels read; " + (stable.WarmStarts ? "Leiden starts from them" : "another graph than the last run's: ids matched, no warm start")));
        }

        var louvain = new LouvainOptions { Resolution = request.Resolution, Seed = request.Seed };
        var leiden = new LeidenOptions { Resolution = request.Resolution, Seed = request.Seed };
        if (algorithms.Contains(AnalyticsAlgorithm.Louvain))
        {
            // With Leiden also asked for, Louvain's partition is reported and Leiden's kept, as before levels existed.
            hierarchy = Step("louvain", () => CommunityHierarchy.Compute(chosenGraph, g => Louvain.Compute(g, louvain)), Outcome);
        }

        if (algorithms.Contains(AnalyticsAlgorithm.Leiden))
        {
            var name = stable.WarmStarts ? "leiden (warm start)" : "leiden";
            var reported = 0;
            hierarchy = Step(name, () => CommunityHierarchy.Compute(chosenGraph, (g, level, nodes) =>
            {
                // Each level below the top is many small runs: say when one begins, not each run.
                if (level > reported)
                {
                    progress?.Report($"{name}: level {reported = level}");
                }

                return stable.Detect(g, level, nodes, leiden);
            }), Outcome);
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
        IReadOnlyList<CommunityEvent>? events = null;
        if (hierarchy is not null)
        {
            var relabelled = Step("match communities", () => stable.Relabel(hierarchy), r => r.Outcome());
            (hierarchy, events) = (relabelled.Hierarchy, relabelled.Events);

            progress?.Report("labeling communities");
            var clock = Stopwatch.StartNew();
            communities = await LabelAsync(ids, hierarchy, chosenGraph.ToUndirected(), pageRank, progress, cancellationToken).ConfigureAwait(false);
            steps.Add(new AnalyticsStep("labels", clock.Elapsed, $"{communities.Count:N0} communities over {hierarchy.Levels.Count} levels"));
        }

        progress?.Report("writing results");
        var write = Stopwatch.StartNew();
        await store.WriteAnalyticsAsync(new AnalyticsResults
        {
            NodeIds = ids,
            PageRank = pageRank,
            Betweenness = betweenness,
            Community = hierarchy?.Levels[0],
            CommunityLevels = hierarchy?.Levels,
            CoreNumber = core,
            Component = component,
            Communities = communities,
            Modularity = hierarchy?.Top.Modularity,
            CommunityEvents = events,
            Graph = hierarchy is null && request.Graph == AnalyticsGraph.Auto ? "citations" : choice.Name,
            Algorithms = algorithms.Select(a => a.ToString().ToLowerInvariant()).Order(StringComparer.Ordinal).ToList(),
            RanAt = DateTimeOffset.UtcNow,
        }, cancellationToken).ConfigureAwait(false);
        steps.Add(new AnalyticsStep("write", write.Elapsed, $"{ids.Length:N0} papers"));

        return new AnalyticsReport(ids.Length, graph.EdgeCount, steps, hierarchy?.Top.CommunityCount, hierarchy?.Top.Modularity, weak, strong, total.Elapsed)
        {
            Graph = hierarchy is null ? null : choice,
            Levels = hierarchy?.Levels.Select((membership, level) => CommunitySizes.Of(level, membership)).ToList() ?? [],
        };

        static string Outcome(CommunityHierarchy h) =>
            $"{h.Top.CommunityCount:N0} communities, modularity {h.Top.Modularity:F4}; levels " +
            string.Join(" / ", h.Levels.Select(l => l.Distinct().Count().ToString("N0", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Reads the citations (and the layers the request needs) and builds the citation graph and the communities' graph.</summary>
    private async Task<(string[] Ids, CsrGraph Citations, CsrGraph Chosen, GraphChoice Choice)> ReadGraphsAsync(
        AnalyticsRequest request, bool wantsCommunities, List<AnalyticsStep> steps, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        progress?.Report("reading the citation graph");
        var citations = await store.ReadCitationGraphAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var ids = citations.NodeIds;
        var linked = HybridGraph.LinkedNodes(citations);
        var autoNeedsMore = request.Graph == AnalyticsGraph.Auto && wantsCommunities && linked < GraphChoice.CitationCoverage * ids.Length;
        EdgeList? coTopic = null;
        if (request.Graph is AnalyticsGraph.CoTopic or AnalyticsGraph.Hybrid || autoNeedsMore)
        {
            progress?.Report("reading the co-topic graph");
            coTopic = await store.ReadCoTopicGraphAsync(cancellationToken).ConfigureAwait(false);
        }

        List<PaperVector>? vectors = null;
        var vectorCount = 0;
        if (vectorStore is not null && (request.Graph is AnalyticsGraph.Semantic or AnalyticsGraph.Hybrid || autoNeedsMore))
        {
            // The rule leaves out embeddings too many for the exact scan: count them before holding them all.
            vectorCount = autoNeedsMore ? (await vectorStore.ReadVectorHashesAsync(cancellationToken).ConfigureAwait(false)).Count : 0;
            if (vectorCount <= SemanticNeighbours.MaxPapers)
            {
                progress?.Report("reading the embeddings");
                vectors = [];
                await foreach (var vector in vectorStore.ReadVectorsAsync(cancellationToken).ConfigureAwait(false))
                {
                    vectors.Add(vector);
                }

                vectorCount = vectors.Count;
            }
        }

        var choice = GraphChoice.Choose(request.Graph, ids.Length, linked, coTopic?.EdgeCount ?? 0, vectorCount);
        steps.Add(new AnalyticsStep("read", clock.Elapsed,
            $"{ids.Length:N0} nodes, {citations.EdgeCount:N0} citations" + (coTopic is null ? "" : $", {coTopic.EdgeCount:N0} co-topic links") +
            (vectors is null ? "" : $", {vectors.Count:N0} embeddings")));

        var layers = new List<EdgeList>(3);
        foreach (var layer in choice.Layers)
        {
            layers.Add(layer switch
            {
                "citations" => citations,
                "cotopic" => coTopic!,
                _ => Timed(steps, progress, "semantic neighbours", () => SemanticNeighbours.Build(ids, vectors!), r => $"{r.EdgeCount:N0} links to nearest papers by embedding", cancellationToken),
            });
        }

        // The store streams citations by source: the out-adjacency is its target array as it is, the in-adjacency one counting sort.
        var citationGraph = CsrGraph.FromSortedEdges(citations.NodeCount, citations.Sources, citations.Targets);
        var chosenGraph = choice.Graph == AnalyticsGraph.Citations ? citationGraph : HybridGraph.Join(ids, layers);
        return (ids, citationGraph, chosenGraph, choice);
    }

    /// <summary>Runs one step, telling <paramref name="progress"/> as it starts and adding its time and outcome to <paramref name="steps"/>.</summary>
    private static T Timed<T>(
        List<AnalyticsStep> steps, IProgress<string>? progress, string name, Func<T> run, Func<T, string> outcome, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(name);
        var clock = Stopwatch.StartNew();
        var result = run();
        steps.Add(new AnalyticsStep(name, clock.Elapsed, outcome(result)));
        return result;
    }

    /// <summary>Every community of every level with its label, parent and central papers.</summary>
    /// <remarks>
    /// The papers' texts are read in batches and indexed as they come (<see cref="DistinctiveTerms.Add"/>), never held
    /// all at once (title and abstract of every paper: ~1.5 KB a paper, 15 GB at ten million); the titles a label
    /// needs (a community of one, or one without distinctive terms) are read afterwards, for those papers only.
    /// </remarks>
    private async Task<IReadOnlyList<Community>> LabelAsync(
        string[] ids, CommunityHierarchy hierarchy, CsrGraph undirected, double[]? rank, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var terms = new DistinctiveTerms(ids.Length);
        progress?.Report("labeling communities: reading the papers' terms");
        for (var start = 0; start < ids.Length; start += TextBatch)
        {
            var batch = ids.AsSpan(start, Math.Min(TextBatch, ids.Length - start)).ToArray();
            var papers = await paperReader.GetPapersAsync(batch, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < batch.Length; i++)
            {
                var paper = papers.GetValueOrDefault(batch[i]);
                terms.Add(start + i, paper is null ? null : paper.Title + ". " + paper.Abstract);
            }
        }

        progress?.Report("labeling communities: composing the labels");
        var result = new List<Community>();
        // Labels still to be made from a paper's title: (index in result, paper, prefix).
        var byTitle = new List<(int Community, int Node, string Prefix)>();
        for (var level = 0; level < hierarchy.Levels.Count; level++)
        {
            var membership = hierarchy.Levels[level];
            var strength = InternalStrength(undirected, membership);
            var usedLeads = new HashSet<string>(StringComparer.Ordinal);
            // The larger community picks its leading term first.
            foreach (var (id, nodes) in CommunityHierarchy.Members(membership).OrderByDescending(m => m.Value.Count).ThenBy(m => m.Key))
            {
                var central = nodes
                    .OrderByDescending(n => strength[n])
                    .ThenByDescending(n => rank?[n] ?? 0)
                    .ThenBy(n => ids[n], StringComparer.Ordinal)
                    .Take(CentralPapers)
                    .ToList();
                var label = "";
                if (nodes.Count == 1)
                {
                    // A paper alone is best named by its title.
                    byTitle.Add((result.Count, nodes[0], ""));
                }
                else
                {
                    var (composed, lead) = DistinctiveTerms.Compose(terms.Top(nodes), usedLeads);
                    if (lead is not null)
                    {
                        usedLeads.Add(lead);
                    }

                    label = composed;
                    if (composed.Length == 0)
                    {
                        byTitle.Add((result.Count, central[0], "around "));
                    }
                }

                result.Add(new Community(id, level, nodes.Count, label)
                {
                    Parent = level == 0 ? null : hierarchy.Levels[level - 1][nodes[0]],
                    CentralPapers = central.Select(n => ids[n]).ToList(),
                });
            }
        }

        for (var start = 0; start < byTitle.Count; start += TextBatch)
        {
            var batch = byTitle.GetRange(start, Math.Min(TextBatch, byTitle.Count - start));
            var papers = await paperReader.GetPapersAsync([.. batch.Select(b => ids[b.Node]).Distinct(StringComparer.Ordinal)], cancellationToken).ConfigureAwait(false);
            foreach (var (community, node, prefix) in batch)
            {
                var title = papers.GetValueOrDefault(ids[node])?.Title ?? ids[node];
                result[community] = result[community] with { Label = prefix + Shorten(title) };
            }
        }

        return result;
    }

    /// <summary>Each node's total link weight to members of its own community.</summary>
    private static double[] InternalStrength(CsrGraph undirected, int[] membership)
    {
        var strength = new double[membership.Length];
        for (var v = 0; v < membership.Length; v++)
        {
            var neighbours = undirected.OutNeighbors(v);
            var weights = undirected.OutWeights(v);
            for (var e = 0; e < neighbours.Length; e++)
            {
                if (membership[neighbours[e]] == membership[v])
                {
                    strength[v] += weights.IsEmpty ? 1 : weights[e];
                }
            }
        }

        return strength;
    }

    private static string Shorten(string title) => title.Length <= 90 ? title : title[..89].TrimEnd() + "…";
}
