using CiteGraph.Graph.Sqlite;

namespace CiteGraph.Graph.Sqlite.Tests;

/// <summary>The key tables of whole-graph reads and writes: row key → position (DenseKeyIndex) and paper id → row key (PaperKeysById).</summary>
public sealed class WholeGraphKeyTablesTests
{
    [Theory]
    [InlineData(1_000L, 900L)] // nearly dense keys: an array indexed by key
    [InlineData(5_000_000_000L, 3L)] // keys far apart: a dictionary
    public void DenseKeyIndex_maps_each_added_key_to_its_position_and_refuses_a_key_never_added(long maxKey, long count)
    {
        var keys = Enumerable.Range(0, (int)count).Select(i => maxKey - i).ToArray();
        var index = new DenseKeyIndex(maxKey, count);
        for (var i = 0; i < keys.Length; i++)
        {
            index[keys[i]] = i;
        }

        Assert.Equal(Enumerable.Range(0, keys.Length), keys.Select(k => index[k]));
        Assert.Throws<KeyNotFoundException>(() => index[maxKey - count]);
        Assert.Throws<KeyNotFoundException>(() => index[maxKey + 1]);
    }

    [Fact]
    public void PaperKeysById_finds_every_id_it_was_given_and_no_other_also_past_the_count_it_was_sized_for()
    {
        var table = new PaperKeysById(10_000);
        for (var i = 0; i < 10_000; i++)
        {
            table.Add($"W{i}", i + 1);
        }

        Assert.Equal(10_000, table.Count);
        Assert.All(Enumerable.Range(0, 10_000), i => Assert.True(table.TryGetValue($"W{i}", out var key) && key == i + 1));
        Assert.False(table.TryGetValue("W10000", out _));
        table.Add("W5", 77);
        Assert.True(table.TryGetValue("W5", out var replaced) && replaced == 77);
        Assert.Equal(10_000, table.Count);

        // Sized for three, given a hundred (a paper written between the count and the read): it grows, nothing is lost.
        var small = new PaperKeysById(3);
        for (var i = 0; i < 100; i++)
        {
            small.Add($"P{i}", i + 1);
        }

        Assert.Equal(100, small.Count);
        Assert.All(Enumerable.Range(0, 100), i => Assert.True(small.TryGetValue($"P{i}", out var key) && key == i + 1));
    }
}
