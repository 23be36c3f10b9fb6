using CiteGraph.Graph.Analytics;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Sqlite;
using CiteGraph.Tests;

namespace CiteGraph.Graph.Tests.Analytics;

public sealed class AnalyticsRunnerTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private SqliteGraphStore _store = null!;
    private List<string> _ids = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Two dense clusters of 12 papers ("diffusion" and "retrieval" titles) joined by one citation.</summary>
    public async ValueTask InitializeAsync()
    {
        _store = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("a.db") });
        await _store.InitializeAsync(Ct);
        var records = Enumerable.Range(0, 24)
            .Select(i => Some.Resolved(Some.Record(i < 12 ? $"Diffusion sampling study {i}" : $"Retrieval augmented generation {i}", line: i)))
            .ToList();
        await _store.UpsertAsync(records, Ct);
        _ids = records.Select(r => r.PaperId).ToList();
        var citations = new List<Citation>();
        for (var i = 0; i < 24; i++)
        {
            for (var j = 0; j < 24; j++)
            {
                if (i != j && i / 12 == j / 12 && (i + j) % 3 != 0)
                {
                    citations.Add(new Citation(_ids[i], _ids[j], CitationKind.Explicit));
                }
            }
        }

        citations.Add(new Citation(_ids[0], _ids[12], CitationKind.Inferred, 0.6, "arXiv:2101.00001"));
        Assert.Equal(citations.Count, await _store.UpsertCitationsAsync(citations, Ct));
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Writes_back_the_same_pagerank_the_kernel_computes_on_the_stored_graph()
    {
        var edges = await _store.ReadCitationGraphAsync(cancellationToken: Ct);
        var expected = PageRank.Compute(CsrGraph.FromEdges(edges.NodeCount, edges.Sources, edges.Targets)).Scores;

        await new AnalyticsRunner(_store).RunAsync(new AnalyticsRequest(), cancellationToken: Ct);

        var papers = await _store.GetPapersAsync(edges.NodeIds, Ct);
        for (var i = 0; i < edges.NodeCount; i++)
        {
            Assert.Equal(expected[i], papers[edges.NodeIds[i]].PageRank!.Value, 12);
        }
    }

    [Fact]
    public async Task Finds_the_two_clusters_as_communities_labeled_by_their_titles()
    {
        var report = await new AnalyticsRunner(_store).RunAsync(new AnalyticsRequest(), cancellationToken: Ct);

        Assert.Equal(2, report.Communities);
        Assert.Equal(1, report.WeakComponents);
        var papers = await _store.GetPapersAsync(_ids, Ct);
        Assert.Single(_ids.Take(12).Select(id => papers[id].Community).Distinct());
        Assert.Single(_ids.Skip(12).Select(id => papers[id].Community).Distinct());
        Assert.NotEqual(papers[_ids[0]].Community, papers[_ids[12]].Community);
        var (communities, total) = await _store.GetCommunitiesAsync(10, 0, cancellationToken: Ct);
        Assert.Equal(2, total);
        Assert.Contains(communities, c => c.Label.Contains("diffusion", StringComparison.Ordinal) && c.Size == 12);
        Assert.Contains(communities, c => c.Label.Contains("retrieval", StringComparison.Ordinal) && c.Size == 12);
        var summary = await _store.GetAnalyticsSummaryAsync(Ct);
        Assert.Equal(report.Modularity, summary!.Modularity);
    }

    [Fact]
    public async Task Ranking_orders_papers_by_the_written_scores()
    {
        await new AnalyticsRunner(_store).RunAsync(
            new AnalyticsRequest { Algorithms = new HashSet<AnalyticsAlgorithm> { AnalyticsAlgorithm.PageRank, AnalyticsAlgorithm.Betweenness } },
            cancellationToken: Ct);

        var ranking = await _store.RankAsync(RankingMetric.PageRank, 5, new PaperFilter(), Ct);
        Assert.Equal([1, 2, 3, 4, 5], ranking.Select(r => r.Rank));
        Assert.Equal(ranking.Select(r => r.Score).OrderDescending(), ranking.Select(r => r.Score));
        Assert.All(ranking, r => Assert.Equal(r.Paper.PageRank, r.Score));

        // 0 → 12 is the only citation between the clusters: its two ends carry the most betweenness.
        var bridge = await _store.RankAsync(RankingMetric.Betweenness, 2, new PaperFilter(), Ct);
        Assert.Equal(new[] { _ids[0], _ids[12] }.Order(StringComparer.Ordinal), bridge.Select(r => r.Paper.Id).Order(StringComparer.Ordinal));
        var cited = await _store.RankAsync(RankingMetric.Citations, 1, new PaperFilter(Text: "retrieval"), Ct);
        Assert.Equal(_ids[12], cited[0].Paper.Id);
    }

    [Fact]
    public async Task A_second_run_replaces_what_it_recomputes_and_keeps_the_rest()
    {
        await new AnalyticsRunner(_store).RunAsync(new AnalyticsRequest(), cancellationToken: Ct);
        var before = await _store.GetPapersAsync(_ids, Ct);
        await new AnalyticsRunner(_store).RunAsync(
            new AnalyticsRequest { Algorithms = new HashSet<AnalyticsAlgorithm> { AnalyticsAlgorithm.KCore } }, cancellationToken: Ct);
        var after = await _store.GetPapersAsync(_ids, Ct);
        Assert.All(_ids, id => Assert.Equal(before[id].PageRank, after[id].PageRank));
        Assert.All(_ids, id => Assert.Equal(before[id].CoreNumber, after[id].CoreNumber));
    }

    [Fact]
    public async Task Explicit_citations_are_not_replaced_by_inferred_ones_and_unknown_papers_are_skipped()
    {
        var written = await _store.UpsertCitationsAsync(
        [
            new Citation(_ids[1], _ids[3], CitationKind.Inferred, 0.5, "mentions"), // explicit already
            new Citation(_ids[1], "P0000000000000000", CitationKind.Explicit),
        ], Ct);
        Assert.Equal(0, written);
        var explicitOnly = await _store.ReadCitationGraphAsync(CitationKind.Explicit, cancellationToken: Ct);
        var inferred = await _store.ReadCitationGraphAsync(CitationKind.Inferred, cancellationToken: Ct);
        Assert.Equal(1, inferred.EdgeCount);
        Assert.Equal((await _store.GetStatsAsync(Ct)).Citations, explicitOnly.EdgeCount + inferred.EdgeCount);
    }
}

/// <summary>A store whose papers cite nothing but carry sentence embeddings: the default run finds communities on their neighbours.</summary>
public sealed class HybridAnalyticsRunnerTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private SqliteGraphStore _store = null!;
    private List<string> _ids = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Forty papers in two topics, each with a vector near its topic's direction; no citations at all.</summary>
    public async ValueTask InitializeAsync()
    {
        _store = new SqliteGraphStore(new SqliteStoreOptions { Path = _dir.File("h.db") });
        await _store.InitializeAsync(Ct);
        var records = Enumerable.Range(0, 40)
            .Select(i => Some.Resolved(Some.Record(i < 20 ? $"Diffusion sampling study {i}" : $"Retrieval augmented generation {i}", line: i)))
            .ToList();
        await _store.UpsertAsync(records, Ct);
        _ids = records.Select(r => r.PaperId).ToList();
        var random = new Random(5);
        var vectors = _ids.Select((id, i) =>
        {
            var v = new float[16];
            v[i < 20 ? 0 : 1] = 1f;
            for (var d = 2; d < v.Length; d++)
            {
                v[d] = (float)(random.NextDouble() * 0.4);
            }

            var norm = MathF.Sqrt(v.Sum(x => x * x));
            return new PaperVector(id, "h", v.Select(x => x / norm).ToArray());
        }).ToList();
        await _store.WriteVectorsAsync(vectors, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Without_citations_the_default_run_uses_the_semantic_neighbours_and_says_why()
    {
        var report = await new AnalyticsRunner(_store).RunAsync(new AnalyticsRequest(), cancellationToken: Ct);

        Assert.Equal(AnalyticsGraph.Hybrid, report.Graph!.Graph);
        Assert.Equal(["citations", "semantic"], report.Graph.Layers);
        Assert.Contains("citations reach 0 of 40 papers", report.Graph.Reason, StringComparison.Ordinal);
        Assert.Equal(2, report.Communities);
        Assert.Equal(0, report.Levels[0].Singletons);
        var papers = await _store.GetPapersAsync(_ids, Ct);
        Assert.Single(_ids.Take(20).Select(id => papers[id].Community).Distinct());
        Assert.Single(_ids.Skip(20).Select(id => papers[id].Community).Distinct());
        var (communities, _) = await _store.GetCommunitiesAsync(10, 0, cancellationToken: Ct);
        Assert.Contains(communities, c => c.Label.Contains("diffusion", StringComparison.Ordinal) && c.CentralPapers.All(_ids.Take(20).Contains));
        Assert.Contains(communities, c => c.Label.Contains("retrieval", StringComparison.Ordinal) && c.CentralPapers.Count == 5);
        Assert.Equal("hybrid: citations + semantic", (await _store.GetAnalyticsSummaryAsync(Ct))!.Graph);
    }

    [Fact]
    public async Task An_explicit_citation_graph_is_kept_even_when_it_leaves_every_paper_alone()
    {
        var report = await new AnalyticsRunner(_store).RunAsync(new AnalyticsRequest { Graph = AnalyticsGraph.Citations }, cancellationToken: Ct);

        Assert.Equal(AnalyticsGraph.Citations, report.Graph!.Graph);
        Assert.Equal(40, report.Levels[0].Singletons);
        var (communities, _) = await _store.GetCommunitiesAsync(1, 0, cancellationToken: Ct);
        // A paper alone is labelled by its title, never by a bare number.
        Assert.Contains(Assert.Single(communities).Label, (await _store.GetPapersAsync(_ids, Ct)).Values.Select(p => p.Title));
    }
}
