using System.Collections;
using CiteGraph.Graph.Model;

namespace CiteGraph.Loaders.Topics;

/// <summary>
/// The HAS_TOPIC rows of a corpus, made on demand (as <see cref="CoTopicRows"/> are): first every paper's own topics
/// in paper order (its topics as <see cref="TopicCorpus"/> ranked them, with their weights), then every paper's
/// inherited head topics in paper order — the order the pass used to list them in. A row is 24 bytes and a paper has
/// ten or more (2.4 GB at ten million papers, twice that while the list grew); here the own rows cost their weight
/// (8 bytes) beside the topic lists the pass keeps anyway.
/// </summary>
internal sealed class HasTopicRows : IReadOnlyList<HasTopicRow>
{
    private readonly string[] _paperIds;
    private readonly int[][] _topics;
    private readonly double[] _weights;
    private readonly long[] _starts;
    // The inherited heads flat, paper after paper (the papers that have any, in order): the hierarchy's dictionary of
    // lists cost ~40 bytes a paper more for as long as the rows were written.
    private readonly int[] _inheritedPapers;
    private readonly (int Topic, double Weight)[] _inherited;
    private readonly long[] _inheritedStarts;

    /// <param name="paperIds">Each paper's id, in paper order.</param>
    /// <param name="topics">Each paper's own topics, in row order.</param>
    /// <param name="weights">Their weights, all papers' one after another (<paramref name="topics"/>' lengths say where each paper's begin).</param>
    /// <param name="inherited">Per paper, the head topics it inherits with their weights.</param>
    public HasTopicRows(string[] paperIds, int[][] topics, double[] weights, IReadOnlyDictionary<int, List<(int Topic, double Weight)>> inherited)
    {
        (_paperIds, _topics, _weights) = (paperIds, topics, weights);
        _starts = new long[topics.Length + 1];
        for (var p = 0; p < topics.Length; p++)
        {
            _starts[p + 1] = _starts[p] + topics[p].Length;
        }

        if (_starts[^1] != weights.Length)
        {
            throw new ArgumentException($"{weights.Length} weights for {_starts[^1]} topics.", nameof(weights));
        }

        _inheritedPapers = [.. inherited.Keys.Order()];
        _inheritedStarts = new long[_inheritedPapers.Length + 1];
        for (var i = 0; i < _inheritedPapers.Length; i++)
        {
            _inheritedStarts[i + 1] = _inheritedStarts[i] + inherited[_inheritedPapers[i]].Count;
        }

        _inherited = new (int Topic, double Weight)[_inheritedStarts[^1]];
        for (var i = 0; i < _inheritedPapers.Length; i++)
        {
            inherited[_inheritedPapers[i]].CopyTo(_inherited, (int)_inheritedStarts[i]);
        }

        Count = checked((int)(_starts[^1] + _inheritedStarts[^1]));
    }

    public int Count { get; }

    public HasTopicRow this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            if (index < _starts[^1])
            {
                var p = Owner(_starts, index);
                var j = (int)(index - _starts[p]);
                return new HasTopicRow(_paperIds[p], _topics[p][j], _weights[index]);
            }

            var at = index - _starts[^1];
            var i = Owner(_inheritedStarts, at);
            var (topic, weight) = _inherited[at];
            return new HasTopicRow(_paperIds[_inheritedPapers[i]], topic, weight);
        }
    }

    public IEnumerator<HasTopicRow> GetEnumerator()
    {
        var row = 0L;
        for (var p = 0; p < _topics.Length; p++)
        {
            foreach (var topic in _topics[p])
            {
                yield return new HasTopicRow(_paperIds[p], topic, _weights[row++]);
            }
        }

        for (var i = 0; i < _inheritedPapers.Length; i++)
        {
            for (var at = _inheritedStarts[i]; at < _inheritedStarts[i + 1]; at++)
            {
                yield return new HasTopicRow(_paperIds[_inheritedPapers[i]], _inherited[at].Topic, _inherited[at].Weight);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // The last group starting at or before the index (skipping empty groups).
    private static int Owner(long[] starts, long index)
    {
        var p = Array.BinarySearch(starts, index);
        if (p < 0)
        {
            return ~p - 1;
        }

        while (starts[p + 1] == index)
        {
            p++;
        }

        return p;
    }
}
