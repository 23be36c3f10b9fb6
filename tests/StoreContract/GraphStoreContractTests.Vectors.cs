using System.Numerics.Tensors;
using CiteGraph.Graph.Storage;
using CiteGraph.Tests;

namespace CiteGraph.Graph.StoreContract;

/// <summary>The <see cref="IPaperVectorStore"/> part of the contract: vectors with their text hashes, replaced in place, searched by cosine.</summary>
public abstract partial class GraphStoreContractTests
{
    private IPaperVectorStore Vectors => Store as IPaperVectorStore ?? throw new InvalidOperationException($"{Store} keeps no vectors.");

    /// <summary>A deterministic unit vector of 384 components pointing mostly along <paramref name="axis"/>.</summary>
    private static float[] UnitVector(int axis, int seed)
    {
        var random = new Random(seed);
        var v = Enumerable.Range(0, 384).Select(_ => (float)(random.NextDouble() - 0.5) * 0.1f).ToArray();
        v[axis] += 1f;
        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
        return v;
    }

    [Fact]
    public async Task Vectors_are_stored_with_their_hash_replaced_in_place_and_skipped_for_unknown_papers()
    {
        var a = Some.Resolved(Some.Record("Vector Paper A"));
        var b = Some.Resolved(Some.Record("Vector Paper B", line: 2));
        await Store.UpsertAsync([a, b], Ct);

        var written = await Vectors.WriteVectorsAsync(
            [new(a.PaperId, "h1", UnitVector(0, 1)), new(b.PaperId, "h2", UnitVector(1, 2)), new("P9999999999999999", "h3", UnitVector(2, 3))], Ct);
        Assert.Equal(2, written);
        Assert.Equal(1, await Vectors.WriteVectorsAsync([new(a.PaperId, "h1b", UnitVector(3, 4))], Ct));

        var hashes = await Vectors.ReadVectorHashesAsync(Ct);
        Assert.Equal(new Dictionary<string, string> { [a.PaperId] = "h1b", [b.PaperId] = "h2" }, hashes);
        var stored = await Vectors.ReadVectorsAsync(Ct).ToListAsync(Ct);
        Assert.Equal(new[] { a.PaperId, b.PaperId }.Order(StringComparer.Ordinal), stored.Select(v => v.PaperId).Order(StringComparer.Ordinal));
        // Stores may quantize: a read vector stays within rounding of what was written (cosine above 0.999).
        var readA = stored.Single(v => v.PaperId == a.PaperId).Vector;
        Assert.Equal(384, readA.Length);
        Assert.True(TensorPrimitives.Dot(readA, UnitVector(3, 4)) > 0.999f);
    }

    [Fact]
    public async Task Nearest_papers_are_the_most_similar_vectors_best_first_with_cosine_scores()
    {
        var papers = Enumerable.Range(0, 6).Select(i => Some.Resolved(Some.Record($"Nearest Paper {i}", line: i + 1))).ToList();
        await Store.UpsertAsync(papers, Ct);
        await Vectors.WriteVectorsAsync(papers.Select((p, i) => new PaperVector(p.PaperId, $"h{i}", UnitVector(i, i))).ToList(), Ct);

        var query = UnitVector(2, 99);
        var nearest = await Vectors.NearestPapersAsync(query, 3, Ct);

        Assert.Equal(3, nearest.Count);
        Assert.Equal(papers[2].PaperId, nearest[0].PaperId);
        Assert.Equal(TensorPrimitives.Dot(query, UnitVector(2, 2)), nearest[0].Score, 0.01);
        Assert.True(nearest[0].Score > nearest[1].Score && nearest[1].Score >= nearest[2].Score);
    }
}
