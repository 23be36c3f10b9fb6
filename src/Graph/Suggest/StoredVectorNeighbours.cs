using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;

namespace CiteGraph.Graph.Suggest;

/// <summary>
/// <see cref="ISemanticNeighbours"/> over the sentence embeddings a store keeps (<see cref="IPaperVectorStore"/>): the
/// vectors of the snapshot's papers in one row-major matrix, searched by an exact SIMD scan (a few milliseconds per paper
/// at 10,000 papers; an approximate index pays only far beyond that).
/// </summary>
public sealed class StoredVectorNeighbours : ISemanticNeighbours
{
    private readonly float[] _matrix;
    private readonly int[] _rowOf;
    private readonly int[] _paperOf;
    private readonly int _dimensions;

    private StoredVectorNeighbours(float[] matrix, int[] rowOf, int[] paperOf, int dimensions)
    {
        _matrix = matrix;
        _rowOf = rowOf;
        _paperOf = paperOf;
        _dimensions = dimensions;
    }

    /// <summary>Papers with a vector.</summary>
    public int Count => _paperOf.Length;

    /// <summary>Reads the vectors of <paramref name="snapshot"/>'s papers; null when the store keeps none.</summary>
    public static async Task<StoredVectorNeighbours?> ReadAsync(IGraphStore store, GraphSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (store is not IPaperVectorStore vectors)
        {
            return null;
        }

        var rows = new List<(int Paper, float[] Vector)>();
        await foreach (var v in vectors.ReadVectorsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (snapshot.TryGetIndex(v.PaperId, out var paper) && v.Vector.Length > 0)
            {
                rows.Add((paper, v.Vector));
            }
        }

        // Vectors of another length come from another model and are stale until the next derive: the most common length wins.
        var dimensions = rows.Count == 0 ? 0 : rows.GroupBy(r => r.Vector.Length).MaxBy(g => g.Count())!.Key;
        rows.RemoveAll(r => r.Vector.Length != dimensions);
        if (rows.Count == 0)
        {
            return null;
        }

        var matrix = new float[rows.Count * dimensions];
        var rowOf = Enumerable.Repeat(-1, snapshot.PaperCount).ToArray();
        var paperOf = new int[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            rows[r].Vector.CopyTo(matrix, r * dimensions);
            rowOf[rows[r].Paper] = r;
            paperOf[r] = rows[r].Paper;
        }

        return new StoredVectorNeighbours(matrix, rowOf, paperOf, dimensions);
    }

    public IReadOnlyList<(int Paper, float Similarity)> Nearest(int paper, int k)
    {
        if (paper < 0 || paper >= _rowOf.Length || _rowOf[paper] < 0 || k <= 0)
        {
            return [];
        }

        var query = _matrix.AsSpan(_rowOf[paper] * _dimensions, _dimensions);
        var heap = new PriorityQueue<int, float>();
        for (var r = 0; r < _paperOf.Length; r++)
        {
            if (_paperOf[r] == paper)
            {
                continue;
            }

            var score = VectorMath.Dot(query, _matrix.AsSpan(r * _dimensions, _dimensions));
            if (heap.Count < k)
            {
                heap.Enqueue(r, score);
            }
            else if (heap.TryPeek(out _, out var worst) && score > worst)
            {
                heap.DequeueEnqueue(r, score);
            }
        }

        var result = new List<(int, float)>(heap.Count);
        while (heap.TryDequeue(out var r, out var score))
        {
            result.Add((_paperOf[r], score));
        }

        result.Reverse();
        return result;
    }

    public ReadOnlyMemory<float>? Vector(int paper) =>
        paper < 0 || paper >= _rowOf.Length || _rowOf[paper] < 0 ? null : _matrix.AsMemory(_rowOf[paper] * _dimensions, _dimensions);

    public float? Similarity(int a, int b)
    {
        if (a < 0 || b < 0 || a >= _rowOf.Length || b >= _rowOf.Length || _rowOf[a] < 0 || _rowOf[b] < 0)
        {
            return null;
        }

        return VectorMath.Dot(_matrix.AsSpan(_rowOf[a] * _dimensions, _dimensions), _matrix.AsSpan(_rowOf[b] * _dimensions, _dimensions));
    }
}
