using CiteGraph.Graph.Suggest;

namespace CiteGraph.Graph.Tests.Suggest;

public sealed class PairwiseRankFitTests
{
    private static readonly int FeatureCount = Enum.GetValues<SuggestionFeature>().Length;

    /// <summary>
    /// Generated candidate pools: the references are the candidates whose hidden relevance, 3 × key terms + 1 × semantic
    /// plus noise, is highest; popularity is pure noise (and the noisiest feature). Ranking by the fitted weights must put the
    /// references first on papers the fit never saw, with key terms weighing most, semantic next and popularity least.
    /// </summary>
    [Fact]
    public void The_fit_recovers_the_planted_signal_and_ranks_unseen_papers_by_it()
    {
        var training = Papers(seed: 1, count: 200);
        var heldOut = Papers(seed: 2, count: 200);
        SuggestionFeature[] allowed = [SuggestionFeature.KeyTerms, SuggestionFeature.Semantic, SuggestionFeature.Popularity];

        var weights = PairwiseRankFit.Fit(training, allowed, SuggestionWeights.From(allowed.ToDictionary(f => f, _ => 1.0)));

        Assert.True(weights[SuggestionFeature.KeyTerms] > 1.5 * weights[SuggestionFeature.Semantic], weights.ToString());
        Assert.True(weights[SuggestionFeature.Semantic] > 2 * weights[SuggestionFeature.Popularity], weights.ToString());
        Assert.All(Enum.GetValues<SuggestionFeature>().Except(allowed), f => Assert.Equal(0, weights[f]));
        var fitted = Recall(heldOut, weights);
        var uniform = Recall(heldOut, SuggestionWeights.From(allowed.ToDictionary(f => f, _ => 1.0)));
        Assert.True(fitted > uniform + 0.1, $"recall@5 fitted {fitted:0.000}, uniform {uniform:0.000}");
    }

    [Fact]
    public void Weights_stay_non_negative_when_a_feature_points_away_from_the_references()
    {
        // Popularity is higher for non-references: the fit must give it 0, never a negative weight.
        var random = new Random(3);
        var training = Enumerable.Range(0, 100).Select(_ =>
        {
            var candidates = Enumerable.Range(0, 30).Select(c => Candidate(c, keyTerms: c < 3 ? 0.8f + 0.2f * random.NextSingle() : 0.6f * random.NextSingle(),
                semantic: random.NextSingle(), popularity: c < 3 ? 0.1f : 0.9f)).ToList();
            return ((IReadOnlyList<SuggestionCandidate>)candidates, (IReadOnlySet<int>)new HashSet<int> { 0, 1, 2 });
        }).ToList();

        var weights = PairwiseRankFit.Fit(training, [SuggestionFeature.KeyTerms, SuggestionFeature.Popularity], SuggestionWeights.Only(SuggestionFeature.KeyTerms));

        Assert.Equal(0, weights[SuggestionFeature.Popularity]);
        Assert.True(weights[SuggestionFeature.KeyTerms] > 0);
    }

    private static List<(IReadOnlyList<SuggestionCandidate> Candidates, IReadOnlySet<int> Known)> Papers(int seed, int count)
    {
        var random = new Random(seed);
        var papers = new List<(IReadOnlyList<SuggestionCandidate>, IReadOnlySet<int>)>();
        for (var p = 0; p < count; p++)
        {
            var candidates = Enumerable.Range(0, 60)
                .Select(c => Candidate(c, random.NextSingle(), random.NextSingle(), random.NextSingle()))
                .ToList();
            var relevance = candidates.ToDictionary(c => c.Paper,
                c => 3 * c.Features[(int)SuggestionFeature.KeyTerms] + c.Features[(int)SuggestionFeature.Semantic] + 0.3 * random.NextDouble());
            var known = candidates.OrderByDescending(c => relevance[c.Paper]).Take(5).Select(c => c.Paper).ToHashSet();
            papers.Add((candidates, known));
        }

        return papers;
    }

    private static SuggestionCandidate Candidate(int paper, float keyTerms, float semantic, float popularity)
    {
        var features = new float[FeatureCount];
        features[(int)SuggestionFeature.KeyTerms] = keyTerms;
        features[(int)SuggestionFeature.Semantic] = semantic;
        features[(int)SuggestionFeature.Popularity] = popularity;
        return new SuggestionCandidate(paper, features);
    }

    private static double Recall(List<(IReadOnlyList<SuggestionCandidate> Candidates, IReadOnlySet<int> Known)> papers, SuggestionWeights weights) =>
        papers.Average(p => p.Candidates.OrderByDescending(c => c.Score(weights)).ThenBy(c => c.Paper).Take(5).Count(c => p.Known.Contains(c.Paper)) / 5.0);
}
