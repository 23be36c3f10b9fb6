using System.Diagnostics;
using System.Numerics.Tensors;

namespace CiteGraph.Embeddings;

/// <summary>
/// An immutable exact nearest-neighbour index: every vector in one contiguous row-major <c>float[]</c>, searched by a
/// SIMD dot product per row (<see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>) and a
/// k-sized heap. Vectors are expected unit-length, so scores are cosine similarities.
/// </summary>
/// <remarks>
/// An exact scan is used at every size this service holds: measured in bench/RESULTS.md ("Embeddings"), a query over
/// 100,000 vectors takes a few milliseconds on one core, linear in the count; an approximate (HNSW) index only pays
/// off past about a million vectors, where a scan nears 100 ms.
/// </remarks>
[DebuggerDisplay("Count = {Count}, Dimensions = {Dimensions}")]
public sealed class VectorIndex
{
    private readonly string[] _ids;
    private readonly float[] _matrix;
    private readonly Dictionary<string, int> _positions;

    /// <summary>Builds the index from ids and their vectors (copied; each of length <paramref name="dimensions"/>).</summary>
    /// <exception cref="ArgumentException">Counts differ, a vector has the wrong length, or an id repeats.</exception>
    public VectorIndex(IReadOnlyList<string> ids, IReadOnlyList<float[]> vectors, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        if (ids.Count != vectors.Count)
        {
            throw new ArgumentException($"{ids.Count} ids but {vectors.Count} vectors.", nameof(vectors));
        }

        Dimensions = dimensions;
        _ids = new string[ids.Count];
        _matrix = new float[checked(ids.Count * dimensions)];
        _positions = new Dictionary<string, int>(ids.Count, StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            if (vectors[i].Length != dimensions)
            {
                throw new ArgumentException($"Vector {i} ({ids[i]}) has {vectors[i].Length} dimensions, not {dimensions}.", nameof(vectors));
            }

            if (!_positions.TryAdd(ids[i], i))
            {
                throw new ArgumentException($"Id {ids[i]} appears twice.", nameof(ids));
            }

            _ids[i] = ids[i];
            vectors[i].CopyTo(_matrix.AsSpan(i * dimensions, dimensions));
        }
    }

    /// <summary>An index with no vectors.</summary>
    public static VectorIndex Empty(int dimensions) => new([], [], dimensions);

    /// <summary>Number of vectors.</summary>
    public int Count => _ids.Length;

    /// <summary>Length of every vector.</summary>
    public int Dimensions { get; }

    /// <summary>Bytes held by the vectors (the matrix alone).</summary>
    public long VectorBytes => (long)_matrix.Length * sizeof(float);

    /// <summary>The id at a position.</summary>
    public string IdAt(int index) => _ids[index];

    /// <summary>The vector at a position.</summary>
    public ReadOnlySpan<float> VectorAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return _matrix.AsSpan(index * Dimensions, Dimensions);
    }

    /// <summary>Position of an id, or -1 when it has no vector.</summary>
    public int IndexOf(string id) => _positions.TryGetValue(id, out var i) ? i : -1;

    /// <summary>Cosine similarity of the vectors at two positions.</summary>
    public float Similarity(int a, int b) => TensorPrimitives.Dot(VectorAt(a), VectorAt(b));

    /// <summary>
    /// The <paramref name="k"/> vectors most similar to <paramref name="query"/>, best first (ties: lower position first),
    /// among the positions <paramref name="accept"/> lets through (all when null).
    /// </summary>
    public IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, int k, Func<int, bool>? accept = null)
    {
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"Query has {query.Length} dimensions, not {Dimensions}.", nameof(query));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (k == 0 || Count == 0)
        {
            return [];
        }

        // Min-heap of the best k so far; its root is the worst kept hit, replaced when a better one arrives.
        var heap = new PriorityQueue<int, (float Score, int Index)>(k + 1, WorstFirst.Instance);
        var matrix = _matrix.AsSpan();
        for (var i = 0; i < Count; i++)
        {
            if (accept is not null && !accept(i))
            {
                continue;
            }

            var score = TensorPrimitives.Dot(query, matrix.Slice(i * Dimensions, Dimensions));
            if (heap.Count < k)
            {
                heap.Enqueue(i, (score, i));
            }
            else if (heap.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare((score, i), worst) > 0)
            {
                heap.DequeueEnqueue(i, (score, i));
            }
        }

        var hits = new VectorHit[heap.Count];
        for (var j = hits.Length - 1; j >= 0; j--)
        {
            heap.TryDequeue(out var index, out var key);
            hits[j] = new VectorHit(index, _ids[index], key.Score);
        }

        return hits;
    }

    /// <summary>Orders hits worst first: lower score, then (on equal scores) higher position.</summary>
    private sealed class WorstFirst : IComparer<(float Score, int Index)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((float Score, int Index) x, (float Score, int Index) y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : y.Index.CompareTo(x.Index);
        }
    }
}
