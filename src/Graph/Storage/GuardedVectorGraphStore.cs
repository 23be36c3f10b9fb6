namespace CiteGraph.Graph.Storage;

/// <summary>A <see cref="GuardedGraphStore"/> over a store that keeps sentence embeddings: the vector role is guarded too.</summary>
public sealed class GuardedVectorGraphStore : GuardedGraphStore, IPaperVectorStore
{
    private readonly IPaperVectorStore _vectors;

    internal GuardedVectorGraphStore(IGraphStore inner, IPaperVectorStore vectors, StoreFailureTranslation translation)
        : base(inner, translation) => _vectors = vectors;

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, string>> ReadVectorHashesAsync(CancellationToken cancellationToken = default) => Guard.RunAsync(() => _vectors.ReadVectorHashesAsync(cancellationToken));

    /// <inheritdoc />
    public Task<int> WriteVectorsAsync(IReadOnlyList<PaperVector> vectors, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _vectors.WriteVectorsAsync(vectors, cancellationToken));

    /// <inheritdoc />
    public IAsyncEnumerable<PaperVector> ReadVectorsAsync(CancellationToken cancellationToken = default) => Guard.Stream(() => _vectors.ReadVectorsAsync(cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<PaperVectorMatch>> NearestPapersAsync(float[] vector, int first, CancellationToken cancellationToken = default) => Guard.RunAsync(() => _vectors.NearestPapersAsync(vector, first, cancellationToken));
}
