using System.Numerics.Tensors;
using FsCheck.Xunit;

namespace CiteGraph.Embeddings.Tests;

public sealed class VectorIndexTests
{
    [Property(MaxTest = 200)]
    public bool Search_returns_what_sorting_every_score_returns(int seed, byte count, byte k, bool filter)
    {
        const int dims = 12;
        var random = new Random(seed);
        // Few distinct coordinates make equal scores common, so the tie rule is exercised too.
        var vectors = Enumerable.Range(0, count % 60).Select(_ => Enumerable.Range(0, dims).Select(_ => (float)random.Next(-2, 3)).ToArray()).ToList();
        var ids = vectors.Select((_, i) => $"p{i}").ToList();
        var index = new VectorIndex(ids, vectors, dims);
        var query = Enumerable.Range(0, dims).Select(_ => (float)random.Next(-2, 3)).ToArray();
        Func<int, bool>? accept = filter ? i => i % 3 != 1 : null;
        var want = k % 20;

        var expected = vectors.Select((v, i) => (Score: TensorPrimitives.Dot(query, v), Index: i))
            .Where(h => accept is null || accept(h.Index))
            .OrderByDescending(h => h.Score).ThenBy(h => h.Index)
            .Take(want)
            .Select(h => new VectorHit(h.Index, ids[h.Index], h.Score));

        return expected.SequenceEqual(index.Search(query, want, accept));
    }

    [Fact]
    public void Ids_map_to_positions_and_similarity_is_the_dot_product()
    {
        var index = new VectorIndex(["a", "b", "c"], [[1f, 0f], [0.6f, 0.8f], [0f, 1f]], 2);

        Assert.Equal((1, -1), (index.IndexOf("b"), index.IndexOf("z")));
        Assert.Equal(0.6f, index.Similarity(0, 1), 1e-6f);
        Assert.Equal(["c", "b", "a"], index.Search([0f, 1f], 3).Select(h => h.Id));
        Assert.Equal("a", index.IdAt(0));
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new VectorIndex(["a", "a"], [[1f], [1f]], 1));
        Assert.Throws<ArgumentException>(() => new VectorIndex(["a"], [[1f, 2f]], 1));
        Assert.Throws<ArgumentException>(() => VectorIndex.Empty(3).Search([1f], 1));
        Assert.Empty(VectorIndex.Empty(3).Search([1f, 0f, 0f], 5));
    }
}
