using CiteGraph.Graph.Sqlite;
using FsCheck.Xunit;

namespace CiteGraph.Graph.Sqlite.Tests;

/// <summary>The one hash → key table behind the writers' id look-ups: collisions, growth and removal.</summary>
public sealed class HashedKeyTableTests
{
    // Hashes whose low bits are equal start probing at the same slot whatever the table's size: collisions on purpose.
    private static UInt128 Colliding(int i, ulong low = 5) => new((ulong)i + 1, low);

    // One of eight home slots in a table of up to 2^32 slots (the low bits), told apart by the rest.
    private static UInt128 Crowded(byte home, ushort high) => new(high, (home % 8UL) | ((ulong)high << 32) | 0xF0UL);

    [Property(MaxTest = 300)]
    public bool Answers_as_a_dictionary_would_with_hashes_crowded_onto_few_home_slots((byte Home, ushort High, long Key, bool Remove)[] operations)
    {
        var table = new HashedKeyTable(4);
        var reference = new Dictionary<UInt128, long>();
        foreach (var (home, high, key, remove) in operations)
        {
            // Eight home slots for up to 65,536 different hashes: long probe runs, wrapping around the table's end.
            var hash = Crowded(home, high);
            if (remove)
            {
                if (table.Remove(hash) != reference.Remove(hash))
                {
                    return false;
                }
            }
            else if (key != long.MinValue)
            {
                table.Set(hash, key);
                reference[hash] = key;
            }
        }

        return table.Count == reference.Count
            && reference.All(pair => table.TryGetValue(pair.Key, out var key) && key == pair.Value)
            && operations.All(o =>
            {
                var hash = Crowded(o.Home, o.High);
                return table.TryGetValue(hash, out _) == reference.ContainsKey(hash);
            });
    }

    [Fact]
    public void Hashes_sharing_their_home_slot_are_told_apart_by_the_whole_hash()
    {
        var table = new HashedKeyTable(100);
        for (var i = 0; i < 100; i++)
        {
            table.Set(Colliding(i), i * 10);
        }

        Assert.All(Enumerable.Range(0, 100), i => Assert.True(table.TryGetValue(Colliding(i), out var key) && key == i * 10));
        // Same low half, another high half; same high half, another low half: neither was added.
        Assert.False(table.TryGetValue(Colliding(100), out _));
        Assert.False(table.TryGetValue(Colliding(0, low: 6), out _));

        // Removing from the middle of the run keeps every later entry of it reachable.
        Assert.True(table.Remove(Colliding(50)));
        Assert.False(table.Remove(Colliding(50)));
        Assert.Equal(99, table.Count);
        Assert.All(Enumerable.Range(0, 100).Where(i => i != 50), i => Assert.True(table.TryGetValue(Colliding(i), out var key) && key == i * 10));
    }

    [Fact]
    public void Grows_past_the_size_it_was_made_for_and_keeps_every_key()
    {
        var table = new HashedKeyTable(3);
        Assert.Equal(16, table.Capacity);
        for (var i = 0; i < 10_000; i++)
        {
            table.Set(new UInt128((ulong)i * 0x9E3779B97F4A7C15, (ulong)i), i + 1);
        }

        Assert.Equal(10_000, table.Count);
        Assert.Equal(16_384, table.Capacity); // the smallest power of two at most three quarters full
        Assert.All(Enumerable.Range(0, 10_000), i => Assert.True(table.TryGetValue(new UInt128((ulong)i * 0x9E3779B97F4A7C15, (ulong)i), out var key) && key == i + 1));
    }

    [Theory]
    [InlineData(0L, 16)]
    [InlineData(768L, 1_024)]
    [InlineData(769L, 2_048)]
    [InlineData(10_000_000L, 16_777_216)]
    public void Sized_for_the_expected_count_it_holds_them_without_growing(long expected, int capacity)
    {
        var table = new HashedKeyTable(expected);
        Assert.Equal(capacity, table.Capacity);
        if (expected <= 1_000)
        {
            for (var i = 0; i < expected; i++)
            {
                table.Set(new UInt128(0, (ulong)i), i);
            }

            Assert.Equal(capacity, table.Capacity);
        }
    }

    [Fact]
    public void Refuses_the_empty_marker_as_a_key_and_a_table_larger_than_an_array()
    {
        var table = new HashedKeyTable();
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Set((UInt128)1, long.MinValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HashedKeyTable(1L << 31));
    }

    [Fact]
    public void Clear_empties_it_and_gives_back_the_memory()
    {
        var table = new HashedKeyTable();
        for (var i = 0; i < 5_000; i++)
        {
            table.Set(new UInt128(0, (ulong)i), i);
        }

        table.Clear();
        Assert.Equal((0, 1_024), (table.Count, table.Capacity));
        Assert.False(table.TryGetValue(new UInt128(0, 7), out _));
    }
}
