namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// Row key → dense position of a whole-graph read. Paper keys are SQLite row ids, nearly dense from 1, so the map is
/// an <c>int</c> array indexed by key (4 bytes a paper) where the largest key is at most twice the row count; a
/// dictionary (~24 bytes a paper and its buckets) only for a table with large holes.
/// </summary>
internal sealed class DenseKeyIndex
{
    private readonly int[]? _byKey;
    private readonly Dictionary<long, int>? _map;

    /// <summary>An index of keys up to <paramref name="maxKey"/>, of which <paramref name="count"/> will be added.</summary>
    public DenseKeyIndex(long maxKey, long count)
    {
        if (maxKey >= 0 && maxKey < Array.MaxLength && maxKey <= 2 * count + 1024)
        {
            _byKey = new int[maxKey + 1];
            Array.Fill(_byKey, -1);
        }
        else
        {
            _map = new Dictionary<long, int>(checked((int)count));
        }
    }

    /// <summary>An index over an existing map.</summary>
    public DenseKeyIndex(Dictionary<long, int> map) => _map = map;

    /// <summary>The position of <paramref name="key"/>; throws when it was never added, as a dictionary would.</summary>
    public int this[long key]
    {
        get
        {
            if (_byKey is not null)
            {
                var position = (ulong)key < (ulong)_byKey.Length ? _byKey[key] : -1;
                return position >= 0 ? position : throw new KeyNotFoundException($"No paper with key {key} in the read.");
            }

            return _map![key];
        }

        set
        {
            if (_byKey is not null)
            {
                _byKey[key] = value;
            }
            else
            {
                _map![key] = value;
            }
        }
    }
}
