using CiteGraph.Loaders.Lineage;

namespace CiteGraph.Loaders.Tests.Lineage;

/// <summary>
/// <see cref="PhraseRuns"/> finds a phrase through a directory of its key's leading bits instead of a binary search:
/// every key kept must be found at its own index, every other key (absent, or dropped as too common) must not, whatever
/// the number of keys (a directory of one bucket, of many) and however the keys crowd one bucket.
/// </summary>
public sealed class PhraseRunsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(1_000)]
    [InlineData(50_000)]
    public void Every_kept_key_is_found_at_its_index_and_no_other_key_is(int phrases)
    {
        var random = new Random(phrases);
        var keys = new List<UInt128>();
        var papers = new List<int>();
        var distinct = new HashSet<UInt128>();
        for (var p = 0; p < phrases; p++)
        {
            // Real keys (hashes of phrases), a few sharing their leading 40 bits with the key before them.
            var key = p > 0 && random.Next(10) == 0
                ? (keys[^1] & ~(((UInt128)1 << 88) - 1)) | (UInt128)random.NextInt64()
                : LineageInferrer.PhraseKey($"phrase {p} {random.Next()}");
            if (!distinct.Add(key))
            {
                continue;
            }

            // 1 to 4 papers a phrase; a phrase of 4 is over the limit of 3 and left out.
            for (var n = 1 + random.Next(4); n > 0; n--)
            {
                keys.Add(key);
                papers.Add(random.Next(1_000_000));
            }
        }

        var counts = keys.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        var runs = PhraseRuns.Keyed(keys, papers, 3);

        var kept = counts.Where(c => c.Value <= 3).Select(c => c.Key).Order().ToList();
        Assert.Equal(kept.Count, runs.Count);
        for (var p = 0; p < kept.Count; p++)
        {
            Assert.Equal(kept[p], runs.Key(p));
            Assert.Equal(p, runs.IndexOf(kept[p]));
        }

        foreach (var dropped in counts.Where(c => c.Value > 3).Select(c => c.Key))
        {
            Assert.Equal(-1, runs.IndexOf(dropped));
        }

        for (var i = 0; i < 2_000; i++)
        {
            var absent = LineageInferrer.PhraseKey($"absent {i}");
            Assert.Equal(distinct.Contains(absent) && counts[absent] <= 3 ? kept.IndexOf(absent) : -1, runs.IndexOf(absent));
        }

        Assert.Equal(-1, runs.IndexOf(UInt128.MaxValue));
        Assert.Equal(-1, runs.IndexOf(UInt128.Zero));
    }

    [Fact]
    public void A_phrase_key_keeps_its_length_for_the_tie_break_and_differs_between_phrases()
    {
        Assert.Equal(21u, (uint)LineageInferrer.PhraseKey("neural tangent kernel"));
        Assert.NotEqual(LineageInferrer.PhraseKey("neural tangent kernel"), LineageInferrer.PhraseKey("neural tangent kernels"));
        Assert.NotEqual(LineageInferrer.PhraseKey("graph neural networks"), LineageInferrer.PhraseKey("networks neural graph"));
    }
}
