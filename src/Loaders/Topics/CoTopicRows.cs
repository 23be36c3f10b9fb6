using System.Collections;
using CiteGraph.Graph.Model;

namespace CiteGraph.Loaders.Topics;

/// <summary>
/// The CO_TOPIC rows of a corpus, made on demand from each paper's winners (k paper indexes): in paper order, each
/// paper's rows by weight (highest first) then other id, as <see cref="CoTopicBuilder"/> defines them. A row object
/// with its reasons is ~150 bytes and a corpus has k of them a paper (a billion at 100M papers): the store writes them
/// as they are enumerated, one paper's rows alive at a time. Enumerating twice makes equal rows twice.
/// </summary>
internal sealed class CoTopicRows : IReadOnlyList<CoTopicRow>
{
    private readonly int[][] _sorted;
    private readonly double[] _idf;
    private readonly double[] _norms;
    private readonly string[] _paperIds;
    private readonly string[] _topicNames;
    private readonly int[] _neighbours;
    private readonly int[] _counts;
    private readonly long[] _starts;
    private readonly int _k;

    public CoTopicRows(int[][] sorted, double[] idf, double[] norms, string[] paperIds, string[] topicNames, int[] neighbours, int[] counts, int k)
    {
        (_sorted, _idf, _norms, _paperIds, _topicNames, _neighbours, _counts, _k) = (sorted, idf, norms, paperIds, topicNames, neighbours, counts, k);
        _starts = new long[counts.Length + 1];
        for (var p = 0; p < counts.Length; p++)
        {
            _starts[p + 1] = _starts[p] + counts[p];
        }

        Count = checked((int)_starts[^1]);
    }

    public int Count { get; }

    public CoTopicRow this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            // The paper whose rows hold this index: the last start at or before it.
            var p = Array.BinarySearch(_starts, index);
            if (p < 0)
            {
                p = ~p - 1;
            }

            while (_counts[p] == 0)
            {
                p++;
            }

            return RowsOf(p)[index - (int)_starts[p]];
        }
    }

    public IEnumerator<CoTopicRow> GetEnumerator()
    {
        for (var p = 0; p < _counts.Length; p++)
        {
            if (_counts[p] == 0)
            {
                continue;
            }

            foreach (var row in RowsOf(p))
            {
                yield return row;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private CoTopicRow[] RowsOf(int p) =>
        CoTopicBuilder.Rows(p, _neighbours.AsSpan(p * _k, _counts[p]), _sorted, _idf, _norms, _paperIds, _topicNames);
}
