using System.IO.Hashing;
using System.Runtime.InteropServices;
using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Storage.Sqlite;

/// <summary>
/// External id → paper key for the writer, each id held as its 128-bit XxHash rather than as the id itself. A million
/// ids kept as objects cost four cache misses per look-up (bucket, entry, record, string) and a heap the collector has
/// to trace on every full collection; as 32-byte entries they cost two and nothing to trace. Two of ten million ids
/// share a hash with a probability near 10⁻²⁵.
/// </summary>
internal sealed class PaperKeysByExternalId
{
    private readonly Dictionary<UInt128, long> _keys = [];

    public int Count => _keys.Count;

    public long this[ExternalId id]
    {
        set => _keys[Hash(id)] = value;
    }

    public bool TryGetValue(ExternalId id, out long paperKey) => _keys.TryGetValue(Hash(id), out paperKey);

    public bool Remove(ExternalId id) => _keys.Remove(Hash(id));

    public void Clear()
    {
        _keys.Clear();
        _keys.TrimExcess();
    }

    private static UInt128 Hash(ExternalId id) =>
        XxHash128.HashToUInt128(MemoryMarshal.AsBytes(id.Value.AsSpan()), seed: (long)id.Kind);
}
