namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// A 128-bit hash → row key table: open addressing (linear probing) over one array of slots, each the hash and its key
/// side by side, growing by doubling at three quarters full, removal by backward shift. The one table behind the
/// writers' id look-ups (<see cref="PaperKeysByExternalId"/> for the loader, <see cref="PaperKeysById"/> for the
/// derived layers), which differ only in what they hash. A dictionary of strings costs a string, an entry and several
/// cache misses per id and a heap the collector has to trace; a look-up here touches one slot, usually, and there is
/// nothing to trace. Two of ten million ids share a 128-bit hash with a probability near 10⁻²⁵.
/// </summary>
internal sealed class HashedKeyTable
{
    private const int MinimumCapacity = 16; // a power of two
    private const long Empty = long.MinValue;

    private Slot[] _slots;

    /// <summary>A table that holds <paramref name="expected"/> keys without growing (and grows past them).</summary>
    public HashedKeyTable(long expected = 768)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expected);
        _slots = NewSlots(CapacityFor(expected));
    }

    /// <summary>Keys held.</summary>
    public int Count { get; private set; }

    /// <summary>Slots allocated (a power of two; the table is at most three quarters full).</summary>
    public int Capacity => _slots.Length;

    /// <summary>Adds the key of <paramref name="hash"/>, or replaces it. <see cref="long.MinValue"/> is not a key.</summary>
    public void Set(UInt128 hash, long key)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(key, Empty);
        if ((Count + 1L) * 4 > _slots.Length * 3L)
        {
            Resize(checked(_slots.Length * 2));
        }

        var slot = new Slot(hash, key);
        var i = Find(_slots, slot.Low, slot.High);
        if (_slots[i].Key == Empty)
        {
            Count++;
        }

        _slots[i] = slot;
    }

    public bool TryGetValue(UInt128 hash, out long key)
    {
        var probe = new Slot(hash, 0);
        var slot = _slots[Find(_slots, probe.Low, probe.High)];
        key = slot.Key == Empty ? 0 : slot.Key;
        return slot.Key != Empty;
    }

    public bool Remove(UInt128 hash)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        var probe = new Slot(hash, 0);
        var hole = Find(slots, probe.Low, probe.High);
        if (slots[hole].Key == Empty)
        {
            return false;
        }

        // Backward-shift deletion: pull later entries of the run into the hole unless their home lies after it.
        for (var next = (hole + 1) & mask; slots[next].Key != Empty; next = (next + 1) & mask)
        {
            var home = Home(slots[next].Low, mask);
            var stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (!stays)
            {
                slots[hole] = slots[next];
                hole = next;
            }
        }

        slots[hole] = Slot.None;
        Count--;
        return true;
    }

    /// <summary>Empties the table and gives back its memory (down to <paramref name="expected"/> keys' worth).</summary>
    public void Clear(long expected = 768)
    {
        _slots = NewSlots(CapacityFor(expected));
        Count = 0;
    }

    private static int Find(Slot[] slots, ulong low, ulong high)
    {
        var mask = slots.Length - 1;
        var i = Home(low, mask);
        while (slots[i].Key != Empty && (slots[i].Low != low || slots[i].High != high))
        {
            i = (i + 1) & mask;
        }

        return i;
    }

    private static int Home(ulong low, int mask) => (int)low & mask;

    private static int CapacityFor(long expected)
    {
        // The smallest power of two that keeps `expected` keys at most three quarters full; arrays stop at 2^30 slots.
        var needed = Math.Max(MinimumCapacity, (expected * 4 + 2) / 3);
        return needed > 1L << 30
            ? throw new ArgumentOutOfRangeException(nameof(expected), expected, "More keys than one table of 2^30 slots holds.")
            : (int)System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)needed);
    }

    private void Resize(int capacity)
    {
        var slots = NewSlots(capacity);
        foreach (var slot in _slots)
        {
            if (slot.Key != Empty)
            {
                slots[Find(slots, slot.Low, slot.High)] = slot;
            }
        }

        _slots = slots;
    }

    private static Slot[] NewSlots(int capacity)
    {
        var slots = new Slot[capacity];
        slots.AsSpan().Fill(Slot.None);
        return slots;
    }

    /// <summary>
    /// The hash as two <see cref="ulong"/> halves, not a <see cref="UInt128"/>: since .NET 8 a UInt128 field is aligned to
    /// 16 bytes, which pads a (hash, key) slot to 32 bytes; as halves it is 24, a quarter less memory per id.
    /// </summary>
    private readonly struct Slot(ulong low, ulong high, long key)
    {
        public static readonly Slot None = new(0, 0, Empty);

        public Slot(UInt128 hash, long key)
            : this((ulong)hash, (ulong)(hash >> 64), key)
        {
        }

        public ulong Low { get; } = low;
        public ulong High { get; } = high;
        public long Key { get; } = key;
    }
}
