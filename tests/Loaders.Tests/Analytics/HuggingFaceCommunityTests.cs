using System.Text.RegularExpressions;
using CiteGraph.Graph.Analytics;
using CiteGraph.Graph.Storage;
using CiteGraph.Loaders.Tests.Lineage;

namespace CiteGraph.Loaders.Tests.Analytics;

/// <summary>
/// Issue 19's "done when" on the Hugging Face corpus (loaded and derived without embeddings): the default analyze finds
/// communities on the graph the corpus has, not on its few citations, and labels them by what sets them apart.
/// </summary>
[Trait("Category", "RealData")]
public sealed class HuggingFaceCommunityTests(HuggingFaceCorpusFixture corpus) : IClassFixture<HuggingFaceCorpusFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_default_analyze_leaves_at_most_a_tenth_of_the_papers_alone_and_labels_the_top_communities_apart()
    {
        if (corpus.Store is not { } store)
        {
            Assert.Skip(HuggingFaceCorpus.SkipReason);
            return;
        }

        var citationsOnly = await new AnalyticsRunner(store).RunAsync(new AnalyticsRequest { Graph = AnalyticsGraph.Citations }, cancellationToken: Ct);
        var report = await new AnalyticsRunner(store).RunAsync(new AnalyticsRequest(), cancellationToken: Ct);

        // The citations alone leave most papers alone (the corpus states no references); the rule sees it and says so.
        Assert.True(citationsOnly.Levels[0].SingletonShare > 0.5, $"citations alone: {citationsOnly.Levels[0]}");
        Assert.Equal(AnalyticsGraph.Hybrid, report.Graph!.Graph);
        Assert.Contains("cotopic", report.Graph.Layers);
        Assert.Contains("under 90", report.Graph.Reason, StringComparison.Ordinal);
        Assert.True(report.Levels[0].SingletonShare <= 0.10, report.Levels[0].ToString());
        Assert.True(report.Levels.Count >= 2, "at least one finer level");
        Assert.True(report.Levels[1].Communities > report.Levels[0].Communities, $"{report.Levels[0]} / {report.Levels[1]}");

        var texts = corpus.Papers.ToDictionary(p => p.Id, p => (p.Title + " " + p.Abstract).ToLowerInvariant(), StringComparer.Ordinal);
        for (var level = 0; level < 2; level++)
        {
            var (top, _) = await store.GetCommunitiesAsync(20, 0, level, Ct);
            Assert.Equal(top.Count, top.Select(c => c.Label).Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.DoesNotContain(top, c => c.Label.StartsWith("community ", StringComparison.Ordinal) || c.CentralPapers.Count == 0);
            var placed = await store.GetPaperCommunitiesAsync(texts.Keys.ToList(), level, Ct);
            foreach (var community in top)
            {
                // The leading term is over-represented: its members use it far more often than the corpus does.
                var lead = community.Label.Split(" · ")[0].ToLowerInvariant();
                var word = new Regex($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(lead)}(?![\p{{L}}\p{{N}}])", RegexOptions.CultureInvariant);
                var members = placed.Where(p => p.Value == community.Id).Select(p => texts[p.Key]).ToList();
                var inside = members.Count(word.IsMatch) / (double)members.Count;
                var overall = texts.Values.Count(word.IsMatch) / (double)texts.Count;
                Assert.True(inside >= 2 * overall, $"level {level} '{community.Label}': '{lead}' in {inside:P0} of its papers, {overall:P0} of all");
            }
        }
    }
}
