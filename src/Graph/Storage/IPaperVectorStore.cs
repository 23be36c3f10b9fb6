namespace CiteGraph.Graph.Storage;

/// <summary>
/// The role port for sentence embeddings of papers: one vector per paper with the hash of the text it was computed from,
/// so the derive pass embeds only papers that are new or whose text changed. A store that keeps vectors implements it
/// beside <see cref="IGraphStore"/>.
/// </summary>
public interface IPaperVectorStore
{
    /// <summary>The text hash of every stored vector, by paper id.</summary>
    Task<IReadOnlyDictionary<string, string>> ReadVectorHashesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores vectors in one transaction, replacing a paper's previous vector. Vectors of unknown papers are skipped.
    /// Vectors are expected unit-length; a store may keep them quantized, so reads return them within rounding.
    /// </summary>
    /// <returns>The number of vectors stored.</returns>
    Task<int> WriteVectorsAsync(IReadOnlyList<PaperVector> vectors, CancellationToken cancellationToken = default);

    /// <summary>Every stored vector, in a stable order. Streams: the store never holds them all.</summary>
    IAsyncEnumerable<PaperVector> ReadVectorsAsync(CancellationToken cancellationToken = default);

    /// <summary>The <paramref name="first"/> papers whose vectors are most similar (cosine) to <paramref name="vector"/>, best first.</summary>
    Task<IReadOnlyList<PaperVectorMatch>> NearestPapersAsync(float[] vector, int first, CancellationToken cancellationToken = default);
}

/// <summary>A paper's sentence embedding and the hash of the text it embeds.</summary>
/// <param name="PaperId">The paper (CiteGraph id).</param>
/// <param name="TextHash">Hash of the embedded text and model: a different hash means the vector is stale.</param>
/// <param name="Vector">The unit-length vector.</param>
public sealed record PaperVector(string PaperId, string TextHash, float[] Vector);

/// <summary>A paper found by vector similarity.</summary>
/// <param name="PaperId">The paper (CiteGraph id).</param>
/// <param name="Score">Cosine similarity to the query, in [-1, 1].</param>
public readonly record struct PaperVectorMatch(string PaperId, double Score);
