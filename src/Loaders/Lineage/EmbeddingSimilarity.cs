using System.Numerics.Tensors;
using CiteGraph.Graph.Storage;

namespace CiteGraph.Loaders.Lineage;

/// <summary>
/// Cosine of two papers' stored sentence embeddings (all-MiniLM-L6-v2 over title and abstract, see
/// <c>CiteGraph.Embeddings</c>): meaning rather than shared words, so "Koopman operator" and "music distillation" are
/// far apart even when both write DMD. Papers without a current vector are not covered (<see cref="Covers"/>); the
/// inferrer then falls back to the term similarity and says so in the evidence.
/// </summary>
public sealed class EmbeddingSimilarity : ILineageSimilarity
{
    private readonly float[]?[] _vectors;

    /// <summary>Builds the measure over unit-length vectors in corpus order; null where a paper has none.</summary>
    public EmbeddingSimilarity(IReadOnlyList<float[]?> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        _vectors = [.. vectors];
        Count = _vectors.Count(v => v is not null);
    }

    /// <summary>
    /// The measure over the vectors <paramref name="store"/> holds for the papers <paramref name="ids"/>, keeping only
    /// vectors computed from the paper's current text (stored hash equal to <paramref name="textHashes"/>, see
    /// <c>EmbeddingText.Hash</c>): a vector of an older text would judge a paper by what it no longer says.
    /// </summary>
    /// <param name="store">The store holding the vectors.</param>
    /// <param name="ids">The papers in corpus order.</param>
    /// <param name="textHashes">Each paper's current text hash, in the same order.</param>
    /// <param name="only">
    /// The corpus indices whose vectors are kept (<see cref="LineageProposals.Papers"/>), or null for all: the others
    /// are read past, so memory follows the papers the gate will judge rather than the corpus.
    /// </param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The measure, or null when the store holds no current vector of any of these papers.</returns>
    public static async Task<EmbeddingSimilarity?> ReadAsync(
        IPaperVectorStore store, IReadOnlyList<string> ids, IReadOnlyList<string> textHashes, IReadOnlySet<int>? only = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(textHashes);
        var index = new Dictionary<string, int>(ids.Count, StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            index.TryAdd(ids[i], i);
        }

        var vectors = new float[]?[ids.Count];
        await foreach (var v in store.ReadVectorsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (index.TryGetValue(v.PaperId, out var i) && (only is null || only.Contains(i)) && v.TextHash == textHashes[i])
            {
                vectors[i] = v.Vector;
            }
        }

        var measure = new EmbeddingSimilarity(vectors);
        return measure.Count == 0 ? null : measure;
    }

    /// <summary>Papers that have a vector.</summary>
    public int Count { get; }

    /// <inheritdoc />
    public string Name => "embedding";

    /// <summary>Whether both papers have a vector, so that <see cref="Similarity"/> means something.</summary>
    public bool Covers(int a, int b) => _vectors[a] is not null && _vectors[b] is not null;

    /// <inheritdoc />
    /// <remarks>0 when a paper has no vector (see <see cref="Covers"/>); negative cosines are clamped to 0.</remarks>
    public double Similarity(int a, int b) =>
        _vectors[a] is { } x && _vectors[b] is { } y && x.Length == y.Length ? Math.Clamp(TensorPrimitives.CosineSimilarity(x, y), 0, 1) : 0;
}
