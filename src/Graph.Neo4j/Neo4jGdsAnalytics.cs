using System.Diagnostics;
using System.Globalization;
using CiteGraph.Graph.Analytics;

namespace CiteGraph.Graph.Neo4j;

/// <summary>
/// Analytics inside Neo4j with the Graph Data Science library: project the papers and their citations (or co-topic
/// links) into a GDS graph, run <c>gds.pageRank.write</c>, <c>gds.leiden.write</c>, <c>gds.wcc.write</c> and
/// <c>gds.kcore.write</c> with the in-process kernels' settings, write the communities and the run record as
/// <see cref="AnalyticsRunner"/> does, and drop the projection. Nothing of the graph crosses the wire; every statement is
/// a <c>cypher/gds-*.cypher</c> file.
/// </summary>
internal sealed class Neo4jGdsAnalytics(Neo4jQueryClient client)
{
    /// <summary>The algorithms GDS runs for us.</summary>
    public static IReadOnlySet<AnalyticsAlgorithm> Algorithms { get; } = new HashSet<AnalyticsAlgorithm>
    {
        AnalyticsAlgorithm.PageRank, AnalyticsAlgorithm.Leiden, AnalyticsAlgorithm.Wcc, AnalyticsAlgorithm.KCore,
    };

    /// <summary>Communities labeled from their members' titles (as <see cref="AnalyticsRunner"/>), and members read per label.</summary>
    private const int LabeledCommunities = 200, LabelSample = 50;

    private const string Directed = "DIRECTED", Undirected = "UNDIRECTED";

    private Task<Neo4jResult> RunAsync(string name, CancellationToken cancellationToken, params (string Name, object? Value)[] values) =>
        client.RunAsync(CypherStatements.Get(name), values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal), cancellationToken);

    /// <summary>The GDS version, or null when the library is not installed.</summary>
    public async Task<string?> DetectAsync(CancellationToken cancellationToken)
    {
        var listed = await RunAsync("gds-detect", cancellationToken).ConfigureAwait(false);
        if (listed.Rows.Count == 0)
        {
            return null;
        }

        var version = await RunAsync("gds-version", cancellationToken).ConfigureAwait(false);
        return "Neo4j Graph Data Science " + (version.Rows.Count > 0 ? version.Rows[0].GetStringOrNull("version") ?? "?" : "?");
    }

    /// <summary>The projection of the analyzed graph: a directed and an undirected view of the same relationships.</summary>
    internal static Dictionary<string, object?> Projection(AnalyticsGraph graph)
    {
        var type = graph == AnalyticsGraph.CoTopic ? "CO_TOPIC" : "CITES";
        Dictionary<string, object?> View(string orientation)
        {
            var view = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["type"] = type,
                ["orientation"] = orientation == Directed ? "NATURAL" : "UNDIRECTED",
                ["aggregation"] = graph == AnalyticsGraph.CoTopic ? "MAX" : "SINGLE",
            };
            if (graph == AnalyticsGraph.CoTopic)
            {
                view["properties"] = "weight";
            }

            return view;
        }

        return new(StringComparer.Ordinal) { [Directed] = View(Directed), [Undirected] = View(Undirected) };
    }

    public async Task<AnalyticsReport> RunAsync(AnalyticsRequest request, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var unsupported = request.Algorithms.Where(a => !Algorithms.Contains(a)).ToList();
        if (unsupported.Count > 0)
        {
            throw new ArgumentException($"Not run inside Neo4j: {string.Join(", ", unsupported)}.", nameof(request));
        }

        var total = Stopwatch.StartNew();
        var steps = new List<AnalyticsStep>();
        var coTopic = request.Graph == AnalyticsGraph.CoTopic;
        var weight = coTopic ? "weight" : null;
        // A name of its own per run, so concurrent runs (or one left behind by a crash) never collide.
        var name = "citegraph-" + Guid.NewGuid().ToString("N");

        async Task<Neo4jRow> Step(string step, string statement, Func<Neo4jRow, string> outcome, params (string Name, object? Value)[] values)
        {
            progress?.Report(step);
            var clock = Stopwatch.StartNew();
            var result = await RunAsync(statement, cancellationToken, [("graph", name), .. values]).ConfigureAwait(false);
            var row = result.Rows.Count > 0 ? result.Rows[0] : throw new GraphStoreException($"{statement} returned no row.");
            steps.Add(new AnalyticsStep(step, clock.Elapsed, outcome(row)));
            return row;
        }

        var projected = await Step("project", "gds-project",
            r => $"{r.GetInt64("nodeCount"):N0} nodes, {r.GetInt64("relationshipCount"):N0} relationships", ("relationships", Projection(request.Graph))).ConfigureAwait(false);
        int? communities = null, components = null;
        double? modularity = null;
        try
        {
            if (request.Algorithms.Contains(AnalyticsAlgorithm.PageRank))
            {
                // The in-process kernel's defaults, read from its options so the two cannot drift apart.
                var pageRank = new PageRankOptions();
                await Step("pagerank", "gds-pagerank-write",
                    r => $"{r.GetInt64("ranIterations")} iterations{(r.GetBoolean("didConverge") ? ", converged" : "")}",
                    ("directed", Directed), ("damping", pageRank.Damping), ("maxIterations", pageRank.MaxIterations), ("tolerance", pageRank.Tolerance),
                    ("weightProperty", weight)).ConfigureAwait(false);
            }

            if (request.Algorithms.Contains(AnalyticsAlgorithm.Leiden))
            {
                var leiden = new LeidenOptions { Resolution = request.Resolution, Seed = request.Seed };
                var row = await Step("leiden", "gds-leiden-write",
                    r => $"{r.GetInt64("communityCount"):N0} communities, modularity {r.GetDouble("modularity").ToString("F4", CultureInfo.InvariantCulture)}",
                    ("undirected", Undirected), ("resolution", leiden.Resolution), ("theta", leiden.Theta), ("maxLevels", leiden.MaxLevels),
                    ("tolerance", new LouvainOptions().Tolerance), ("seed", (long)leiden.Seed), ("weightProperty", weight)).ConfigureAwait(false);
                communities = checked((int)row.GetInt64("communityCount"));
                modularity = row.GetDouble("modularity");
                await WriteCommunitiesAsync(Math.Max(0, checked((int)row.GetInt64("ranLevels")) - 1), progress, cancellationToken).ConfigureAwait(false);
            }

            if (request.Algorithms.Contains(AnalyticsAlgorithm.Wcc))
            {
                var row = await Step("wcc", "gds-wcc-write", r => $"{r.GetInt64("componentCount"):N0} components", ("directed", Directed)).ConfigureAwait(false);
                components = checked((int)row.GetInt64("componentCount"));
            }

            if (request.Algorithms.Contains(AnalyticsAlgorithm.KCore))
            {
                await Step("kcore", "gds-kcore-write", r => $"max core {r.GetInt64("degeneracy")}", ("undirected", Undirected)).ConfigureAwait(false);
            }
        }
        finally
        {
            // The projection holds the graph in Neo4j's memory until dropped: drop it whatever happened.
            await RunAsync("gds-drop", CancellationToken.None, ("graph", name)).ConfigureAwait(false);
        }

        await RunAsync("write-analytics-run", cancellationToken,
            ("ranAt", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)), ("graph", coTopic ? "cotopic" : "citations"),
            ("algorithms", request.Algorithms.Select(a => a.ToString().ToLowerInvariant()).Order(StringComparer.Ordinal).ToArray()),
            ("modularity", modularity)).ConfigureAwait(false);
        var nodes = checked((int)projected.GetInt64("nodeCount"));
        var edges = checked((int)projected.GetInt64("relationshipCount"));
        return new AnalyticsReport(nodes, edges, steps, communities, modularity, components, null, total.Elapsed);
    }

    /// <summary>Community nodes from the papers' new ids, their IN_COMMUNITY links, and labels for the largest.</summary>
    private async Task WriteCommunitiesAsync(int level, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        progress?.Report("labeling communities");
        await RunAsync("delete-communities", cancellationToken).ConfigureAwait(false);
        await RunAsync("gds-write-communities", cancellationToken, ("level", (long)level)).ConfigureAwait(false);
        await RunAsync("link-communities", cancellationToken).ConfigureAwait(false);
        var titles = await RunAsync("gds-community-titles", cancellationToken, ("first", (long)LabeledCommunities), ("sample", (long)LabelSample)).ConfigureAwait(false);
        // Distinctive terms against every sampled title (single papers included: they are part of the corpus the terms
        // stand out from), largest community first so that smaller ones lead with another term, as in-process labels do.
        var sampled = titles.Rows
            .Select(r => (Id: r.GetInt64("id"), Size: r.GetInt64("size"), Titles: r.GetList("titles").Select(t => t.GetString()).ToList()))
            .ToList();
        var terms = new DistinctiveTerms([.. sampled.SelectMany(c => c.Titles)]);
        var offsets = new Dictionary<long, int>();
        var next = 0;
        foreach (var community in sampled)
        {
            offsets[community.Id] = next;
            next += community.Titles.Count;
        }

        var usedLeads = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<Dictionary<string, object?>>();
        foreach (var community in sampled.Where(c => c.Size > 1).OrderByDescending(c => c.Size))
        {
            var (label, lead) = DistinctiveTerms.Compose(terms.Top([.. Enumerable.Range(offsets[community.Id], community.Titles.Count)]), usedLeads);
            if (lead is not null)
            {
                usedLeads.Add(lead);
            }

            rows.Add(new Dictionary<string, object?>(StringComparer.Ordinal) { ["id"] = community.Id, ["label"] = label });
        }

        if (rows.Count > 0)
        {
            await RunAsync("gds-label-communities", cancellationToken, ("rows", rows)).ConfigureAwait(false);
        }
    }
}
