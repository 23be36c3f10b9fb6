using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// Paper id → row key for writing a whole derived layer (HAS_TOPIC, CO_TOPIC and inferred CITES by paper id): a
/// <see cref="HashedKeyTable"/> of each id's 128-bit XxHash, sized once from the row count the writer reads first. A
/// dictionary of the ids read back from the store held a second copy of every id string (~100 bytes a paper with its
/// entry: a gigabyte at ten million papers); a slot is 24 bytes and no string is kept.
/// </summary>
internal sealed class PaperKeysById(long expected)
{
    private readonly HashedKeyTable _table = new(expected);

    public int Count => _table.Count;

    /// <summary>Adds (or replaces) the key of <paramref name="id"/>.</summary>
    public void Add(string id, long key)
    {
        ArgumentNullException.ThrowIfNull(id);
        _table.Set(Hash(id), key);
    }

    public bool TryGetValue(string id, out long key) => _table.TryGetValue(Hash(id), out key);

    private static UInt128 Hash(string id) => XxHash128.HashToUInt128(MemoryMarshal.AsBytes(id.AsSpan()));
}
