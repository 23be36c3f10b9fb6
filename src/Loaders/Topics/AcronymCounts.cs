using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace CiteGraph.Loaders.Topics;

/// <summary>
/// One paper's acronym uses (acronym → count) as the derive pass holds them for every paper until the lineage rules
/// have run: one array of pairs in the order the extraction counted them, the acronyms shared across papers through a
/// <see cref="StringPool"/>, and one shared empty instance for the papers that use none (most of them). The
/// extraction's dictionary costs ~80 bytes empty and ~200 with two entries, each acronym a string of its own per paper;
/// this costs nothing, or ~40 bytes plus 16 per acronym. Look-ups scan the pairs (a paper uses a handful).
/// </summary>
public sealed class AcronymCounts : IReadOnlyDictionary<string, int>
{
    /// <summary>No acronym used.</summary>
    public static readonly AcronymCounts None = new([]);

    private readonly KeyValuePair<string, int>[] _pairs;

    private AcronymCounts(KeyValuePair<string, int>[] pairs) => _pairs = pairs;

    /// <summary>The compact form of <paramref name="counts"/>, in its enumeration order, its keys taken from <paramref name="pool"/>.</summary>
    public static AcronymCounts Of(IReadOnlyDictionary<string, int> counts, StringPool pool)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(pool);
        if (counts is AcronymCounts compact)
        {
            return compact;
        }

        if (counts.Count == 0)
        {
            return None;
        }

        var pairs = new KeyValuePair<string, int>[counts.Count];
        var i = 0;
        foreach (var (acronym, count) in counts)
        {
            pairs[i++] = new(pool.Get(acronym), count);
        }

        return new AcronymCounts(pairs);
    }

    public int Count => _pairs.Length;

    public int this[string key] => TryGetValue(key, out var count) ? count : throw new KeyNotFoundException($"'{key}' is not used.");

    public IEnumerable<string> Keys => _pairs.Select(p => p.Key);

    public IEnumerable<int> Values => _pairs.Select(p => p.Value);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out int value)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var pair in _pairs)
        {
            if (string.Equals(pair.Key, key, StringComparison.Ordinal))
            {
                value = pair.Value;
                return true;
            }
        }

        value = 0;
        return false;
    }

    public IEnumerator<KeyValuePair<string, int>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, int>>)_pairs).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
