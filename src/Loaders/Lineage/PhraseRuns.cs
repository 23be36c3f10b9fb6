using System.Numerics;
using System.Runtime.InteropServices;

namespace CiteGraph.Loaders.Lineage;

/// <summary>
/// Papers grouped by phrase, as flat arrays: phrase <c>p</c>'s papers are one run of <see cref="Of"/>, in corpus order.
/// Built by sorting (phrase, paper) pairs instead of growing a list per phrase: a phrase with one paper costs its key
/// and two ints, not a dictionary entry, a string, a list and its array (~150 bytes).
/// </summary>
/// <remarks>
/// <see cref="IndexOf"/> is asked once for every phrase of every paper's text. A binary search of the sorted keys cost
/// ~log₂(phrases) probes, nearly all of them cache misses once the keys outgrow the cache: the writers' step of the title
/// phrases took 7.0x the CPU for 5x the papers (200K → 1M). The keys lead with hash bits, so they are spread evenly
/// over their range: a directory of their leading bits points at a bucket of a few keys, one or two cache lines.
/// </remarks>
internal sealed class PhraseRuns
{
    private readonly UInt128[] _keys;
    private readonly int[] _starts;
    private readonly int[] _papers;
    // _directory[b] is the first key whose leading _bits bits are b or more; keys of bucket b are [_directory[b], _directory[b + 1]).
    private readonly int[] _directory;
    private readonly int _bits;

    private PhraseRuns(UInt128[] keys, int[] starts, int[] papers)
    {
        _keys = keys;
        _starts = starts;
        _papers = papers;
        // ~2 to 4 keys a bucket: 1 to 2 ints of directory a key.
        _bits = keys.Length < 4 ? 0 : Math.Min(30, BitOperations.Log2((uint)keys.Length) - 1);
        _directory = new int[(1 << _bits) + 1];
        var at = 0;
        for (var b = 0; b < _directory.Length - 1; b++)
        {
            _directory[b] = at;
            while (at < keys.Length && Bucket(keys[at]) == b)
            {
                at++;
            }
        }

        _directory[^1] = keys.Length;
    }

    /// <summary>Phrases.</summary>
    public int Count => _starts.Length - 1;

    /// <summary>The papers of phrase <paramref name="p"/>, in corpus order.</summary>
    public ReadOnlySpan<int> Of(int p) => _papers.AsSpan(_starts[p], _starts[p + 1] - _starts[p]);

    /// <summary>The key of phrase <paramref name="p"/> (runs made by <see cref="Keyed"/> only).</summary>
    public UInt128 Key(int p) => _keys[p];

    /// <summary>The phrase whose key is <paramref name="key"/>, or -1 (runs made by <see cref="Keyed"/> only).</summary>
    public int IndexOf(UInt128 key)
    {
        var bucket = Bucket(key);
        var end = _directory[bucket + 1];
        for (var i = _directory[bucket]; i < end; i++)
        {
            if (_keys[i] == key)
            {
                return i;
            }

            if (_keys[i] > key)
            {
                break;
            }
        }

        return -1;
    }

    private int Bucket(UInt128 key) => _bits == 0 ? 0 : (int)(ulong)(key >> (128 - _bits));

    /// <summary>
    /// Groups the papers by key, keys in ascending order; a key of more than <paramref name="maxPapers"/> papers is left
    /// out. The pairs are sorted in place.
    /// </summary>
    public static PhraseRuns Keyed(List<UInt128> keys, List<int> papers, int maxPapers)
    {
        var k = CollectionsMarshal.AsSpan(keys);
        var v = CollectionsMarshal.AsSpan(papers);
        k.Sort(v);
        int distinct = 0, kept = 0;
        for (var start = 0; start < k.Length;)
        {
            var end = RunEnd(k, start);
            v[start..end].Sort();
            if (end - start <= maxPapers)
            {
                distinct++;
                kept += end - start;
            }

            start = end;
        }

        var outKeys = new UInt128[distinct];
        var starts = new int[distinct + 1];
        var outPapers = new int[kept];
        int d = 0, at = 0;
        for (var start = 0; start < k.Length;)
        {
            var end = RunEnd(k, start);
            if (end - start <= maxPapers)
            {
                outKeys[d] = k[start];
                starts[d++] = at;
                v[start..end].CopyTo(outPapers.AsSpan(at));
                at += end - start;
            }

            start = end;
        }

        starts[distinct] = at;
        return new PhraseRuns(outKeys, starts, outPapers);
    }

    /// <summary>Groups (phrase &lt;&lt; 32 | paper) pairs of phrases 0..<paramref name="count"/>−1; the pairs are sorted in place.</summary>
    public static PhraseRuns Indexed(List<long> pairs, int count)
    {
        var span = CollectionsMarshal.AsSpan(pairs);
        span.Sort();
        var starts = new int[count + 1];
        var papers = new int[span.Length];
        for (var i = 0; i < span.Length; i++)
        {
            starts[(int)(span[i] >> 32) + 1]++;
            papers[i] = (int)(uint)span[i];
        }

        for (var p = 0; p < count; p++)
        {
            starts[p + 1] += starts[p];
        }

        return new PhraseRuns([], starts, papers);
    }

    private static int RunEnd(Span<UInt128> keys, int start)
    {
        var end = start + 1;
        while (end < keys.Length && keys[end] == keys[start])
        {
            end++;
        }

        return end;
    }
}
