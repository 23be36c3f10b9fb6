using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// Paper id → row key for writing a whole derived layer (HAS_TOPIC, CO_TOPIC by paper id): an open-addressing table
/// (linear probing) of each id's 128-bit XxHash and its key, sized once from the row count, as
/// <see cref="PaperKeysByExternalId"/> is for the loader. A dictionary of the ids read back from the store held a second
/// copy of every id string (~100 bytes a paper with its entry: a gigabyte at ten million papers); a slot is 24 bytes
/// and no string is kept. Two of ten million ids share a hash with a probability near 10⁻²⁵.
/// </summary>
internal sealed class PaperKeysById
{
    private const long Empty = long.MinValue;
    private readonly Slot[] _slots;

    /// <summary>A table for up to <paramref name="capacity"/> ids (kept at most three quarters full).</summary>
    public PaperKeysById(long capacity)
    {
        var size = (int)Math.Min(1L << 30, Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)Math.Max(1, capacity * 4 / 3 + 1))));
        _slots = new Slot[size];
        _slots.AsSpan().Fill(new Slot(default, Empty));
    }

    public int Count { get; private set; }

    /// <summary>Adds (or replaces) the key of <paramref name="id"/>.</summary>
    public void Add(string id, long key)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentOutOfRangeException.ThrowIfEqual(key, Empty);
        if ((Count + 1L) * 4 > _slots.Length * 3L)
        {
            throw new InvalidOperationException($"More ids than the {_slots.Length * 3L / 4:N0} the table was sized for.");
        }

        var hash = Hash(id);
        var i = Find(hash);
        if (_slots[i].Key == Empty)
        {
            Count++;
        }

        _slots[i] = new Slot(hash, key);
    }

    public bool TryGetValue(string id, out long key)
    {
        var slot = _slots[Find(Hash(id))];
        key = slot.Key == Empty ? 0 : slot.Key;
        return slot.Key != Empty;
    }

    private int Find(UInt128 hash)
    {
        var mask = _slots.Length - 1;
        var i = (int)(ulong)hash & mask;
        while (_slots[i].Key != Empty && _slots[i].Hash != hash)
        {
            i = (i + 1) & mask;
        }

        return i;
    }

    private static UInt128 Hash(string id) => XxHash128.HashToUInt128(MemoryMarshal.AsBytes(id.AsSpan()));

    private readonly record struct Slot(UInt128 Hash, long Key);
}
