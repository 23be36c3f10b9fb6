using CiteGraph.Graph.Suggest;

namespace CiteGraph.Graph.Tests.Suggest;

public sealed class CitationProjectionTests
{
    private const int Dimensions = 16;

    [Fact]
    public void A_map_fitted_on_citations_points_a_new_paper_at_what_it_will_cite()
    {
        // Generated: every paper cites the paper whose vector is its own rotated by a fixed permutation of the axes, so
        // the two are nearly orthogonal in plain cosine and the relation is learnable only from the citations.
        var random = new Random(7);
        var citing = Enumerable.Range(0, 300).Select(_ => Unit(random)).ToArray();
        var vectors = citing.Concat(citing.Select(Rotate)).ToArray();
        var pairs = Enumerable.Range(0, 250).Select(i => (i, i + 300)).ToList();

        var projection = CitationProjection.Fit(pairs, p => vectors[p], shrinkage: 0.01)!;

        Assert.Equal(250, projection.Pairs);
        // The 50 papers left out of the fit: their mapped vector finds the paper they cite among all 300 candidates.
        for (var i = 250; i < 300; i++)
        {
            var mapped = projection.Project(vectors[i])!;
            var ranked = Enumerable.Range(300, 300).OrderByDescending(c => Dot(mapped, vectors[c])).ToList();
            Assert.Equal(i + 300, ranked[0]);
            Assert.True(Dot(mapped, vectors[i + 300]) > Dot(vectors[i], vectors[i + 300]) + 0.5);
        }
    }

    [Fact]
    public void With_strong_shrinkage_the_map_stays_the_identity_and_the_plain_cosine_is_kept()
    {
        var random = new Random(11);
        var vectors = Enumerable.Range(0, 100).Select(_ => Unit(random)).ToArray();
        var pairs = Enumerable.Range(0, 50).Select(i => (i, i + 50)).ToList();

        var projection = CitationProjection.Fit(pairs, p => vectors[p], shrinkage: 1e5)!;

        foreach (var v in vectors)
        {
            Assert.Equal(1.0, Dot(projection.Project(v)!, v), 3);
        }
    }

    [Fact]
    public void Too_few_citations_with_vectors_fit_nothing()
    {
        var random = new Random(3);
        var vectors = Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? Unit(random) : null).ToArray();
        var pairs = Enumerable.Range(0, 20).Select(i => (i, 20 + i)).ToList();

        // Only the pairs whose two papers have vectors count: half of them here, below the minimum of 20.
        Assert.Null(CitationProjection.Fit(pairs, p => vectors[p] is { } v ? v : null, shrinkage: 0.01));
        Assert.NotNull(CitationProjection.Fit(pairs, p => vectors[p] is { } v ? v : null, shrinkage: 0.01, minPairs: 5));
    }

    private static float[] Unit(Random random)
    {
        var v = Enumerable.Range(0, Dimensions).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }

    private static float[] Rotate(float[] v) => Enumerable.Range(0, Dimensions).Select(i => v[(i + 5) % Dimensions] * (i % 2 == 0 ? 1 : -1)).ToArray();

    private static float Dot(float[] a, float[] b) => a.Zip(b, (x, y) => x * y).Sum();
}
