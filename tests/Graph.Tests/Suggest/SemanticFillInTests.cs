using CiteGraph.Graph.Suggest;

namespace CiteGraph.Graph.Tests.Suggest;

public sealed class SemanticFillInTests(FieldCorpus fields) : IClassFixture<FieldCorpus>
{
    [Fact]
    public async Task Candidates_beyond_the_nearest_neighbours_get_their_cosine_too()
    {
        var plug = new AngleVectors(fields.Snapshot.PaperCount);
        var corpus = await SuggestionCorpus.BuildAsync(fields.Store, fields.Snapshot, plug, TestContext.Current.CancellationToken);
        var paper = fields.Index(FieldCorpus.Arxiv(1, 2019, 6));

        var candidates = SuggestionEngine.Candidates(corpus, paper, SuggestionScope.HeldOut);

        // The index names a single neighbour; every other candidate (found by its words) still has its meaning measured.
        var best = candidates.Max(c => plug.Similarity(paper, c.Paper)!.Value);
        Assert.True(candidates.Count > 2);
        Assert.All(candidates, c => Assert.Equal(plug.Similarity(paper, c.Paper)!.Value / best, c.Features[(int)SuggestionFeature.Semantic], 4));
    }

    /// <summary>Unit vectors in the plane, paper i at angle i / 1000 radians (cosines all positive), and an index that returns one neighbour only.</summary>
    private sealed class AngleVectors(int papers) : ISemanticNeighbours
    {
        public IReadOnlyList<(int Paper, float Similarity)> Nearest(int paper, int k) =>
            Enumerable.Range(0, papers).Where(p => p != paper).Select(p => (p, Similarity(paper, p)!.Value))
                .OrderByDescending(p => p.Item2).Take(Math.Min(k, 1)).ToList();

        public float? Similarity(int a, int b) => (float)Math.Cos((a - b) / 1000.0);
    }
}
