using System.IO.Hashing;
using System.Runtime.InteropServices;
using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// External id → paper key for the loader's writer (<see cref="WriteCache"/>): a <see cref="HashedKeyTable"/> of each
/// id's 128-bit XxHash, seeded by its kind so the same value under two kinds is two papers. Grows as the load goes.
/// </summary>
internal sealed class PaperKeysByExternalId
{
    private const int Expected = 768; // a first table of 1,024 slots

    private readonly HashedKeyTable _table = new(Expected);

    public int Count => _table.Count;

    public long this[ExternalId id]
    {
        set => _table.Set(Hash(id), value);
    }

    public bool TryGetValue(ExternalId id, out long paperKey) => _table.TryGetValue(Hash(id), out paperKey);

    public bool Remove(ExternalId id) => _table.Remove(Hash(id));

    public void Clear() => _table.Clear(Expected);

    private static UInt128 Hash(ExternalId id) =>
        XxHash128.HashToUInt128(MemoryMarshal.AsBytes(id.Value.AsSpan()), seed: (long)id.Kind);
}
