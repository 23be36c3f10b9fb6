using CiteGraph.Embeddings;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;

namespace CiteGraph.GraphQL.Semantic;

/// <summary>
/// The in-memory nearest-neighbour index over the stored paper vectors, kept beside the graph snapshot: built on first
/// use and rebuilt when the snapshot has been rebuilt since (a load or derive may have written vectors), so semantic
/// answers and traversal answers describe the same store state.
/// </summary>
public sealed class SemanticIndexHolder(IGraphStore store, SnapshotHolder snapshots, ITextEmbedder embedder)
{
    private readonly SemaphoreSlim _build = new(1, 1);
    private Built? _current;

    /// <summary>The index for the current snapshot; empty when the store keeps no vectors or none were computed.</summary>
    public async Task<VectorIndex> GetAsync(CancellationToken cancellationToken = default)
    {
        var version = snapshots.Current.Version;
        if (Volatile.Read(ref _current) is { } built && built.Version == version)
        {
            return built.Index;
        }

        await _build.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            version = snapshots.Current.Version;
            if (_current is { } again && again.Version == version)
            {
                return again.Index;
            }

            var index = await ReadAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, new Built(version, index));
            return index;
        }
        finally
        {
            _build.Release();
        }
    }

    private async Task<VectorIndex> ReadAsync(CancellationToken cancellationToken)
    {
        if (store is not IPaperVectorStore vectors)
        {
            return VectorIndex.Empty(embedder.Dimensions);
        }

        var ids = new List<string>();
        var list = new List<float[]>();
        await foreach (var v in vectors.ReadVectorsAsync(cancellationToken).ConfigureAwait(false))
        {
            // Vectors of another model (another length) are stale until the next derive; they are left out.
            if (v.Vector.Length == embedder.Dimensions)
            {
                ids.Add(v.PaperId);
                list.Add(v.Vector);
            }
        }

        return new VectorIndex(ids, list, embedder.Dimensions);
    }

    /// <summary>An index and the snapshot version it was built for, swapped as one reference.</summary>
    private sealed record Built(long Version, VectorIndex Index);
}
