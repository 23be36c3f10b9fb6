using System.IO.Hashing;
using System.Runtime.InteropServices;
using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// External id → paper key for the writer: an open-addressing table (linear probing) of each id's 128-bit XxHash and
/// its key, side by side in one array. A million ids held as records in a dictionary cost four cache misses per look-up
/// (bucket, entry, record, string) and a heap the collector has to trace; here a look-up touches one slot, usually, and
/// there is nothing to trace. Two of ten million ids share a hash with a probability near 10⁻²⁵.
/// </summary>
internal sealed class PaperKeysByExternalId
{
    private const int InitialCapacity = 1024; // a power of two
    private const long Empty = long.MinValue;

    private Slot[] _slots = NewSlots(InitialCapacity);

    public int Count { get; private set; }

    public long this[ExternalId id]
    {
        set
        {
            ArgumentOutOfRangeException.ThrowIfEqual(value, Empty);
            if ((Count + 1) * 4 > _slots.Length * 3)
            {
                Resize(_slots.Length * 2);
            }

            var hash = Hash(id);
            var i = Find(_slots, hash);
            if (_slots[i].Key == Empty)
            {
                Count++;
            }

            _slots[i] = new Slot(hash, value);
        }
    }

    public bool TryGetValue(ExternalId id, out long paperKey)
    {
        var slot = _slots[Find(_slots, Hash(id))];
        paperKey = slot.Key == Empty ? 0 : slot.Key;
        return slot.Key != Empty;
    }

    public bool Remove(ExternalId id)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        var hole = Find(slots, Hash(id));
        if (slots[hole].Key == Empty)
        {
            return false;
        }

        // Backward-shift deletion: pull later entries of the run into the hole unless their home lies after it.
        for (var next = (hole + 1) & mask; slots[next].Key != Empty; next = (next + 1) & mask)
        {
            var home = Home(slots[next].Hash, mask);
            var stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (!stays)
            {
                slots[hole] = slots[next];
                hole = next;
            }
        }

        slots[hole] = new Slot(default, Empty);
        Count--;
        return true;
    }

    public void Clear()
    {
        _slots = NewSlots(InitialCapacity);
        Count = 0;
    }

    private static int Find(Slot[] slots, UInt128 hash)
    {
        var mask = slots.Length - 1;
        var i = Home(hash, mask);
        while (slots[i].Key != Empty && slots[i].Hash != hash)
        {
            i = (i + 1) & mask;
        }

        return i;
    }

    private static int Home(UInt128 hash, int mask) => (int)(ulong)hash & mask;

    private void Resize(int capacity)
    {
        var slots = NewSlots(capacity);
        foreach (var slot in _slots)
        {
            if (slot.Key != Empty)
            {
                slots[Find(slots, slot.Hash)] = slot;
            }
        }

        _slots = slots;
    }

    private static Slot[] NewSlots(int capacity)
    {
        var slots = new Slot[capacity];
        slots.AsSpan().Fill(new Slot(default, Empty));
        return slots;
    }

    private static UInt128 Hash(ExternalId id) =>
        XxHash128.HashToUInt128(MemoryMarshal.AsBytes(id.Value.AsSpan()), seed: (long)id.Kind);

    private readonly record struct Slot(UInt128 Hash, long Key);
}
