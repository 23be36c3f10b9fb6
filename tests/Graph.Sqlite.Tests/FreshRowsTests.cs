using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Sqlite.Tests;

/// <summary>The set-based writer looks a paper's references up in its key cache all at once, before it writes any.</summary>
public sealed class FreshRowsTests
{
    [Fact]
    public void A_papers_references_get_their_cached_keys_in_order_and_the_uncached_ones_say_so_however_many_there_are()
    {
        var cache = new PaperKeysByExternalId();
        for (var n = 1; n <= 500; n += 2)
        {
            cache[new ExternalId(ExternalIdKind.OpenAlex, $"W{n}")] = 1000 + n;
        }

        var fresh = new FreshRows(firstPk: 1);
        foreach (var count in new[] { 3, 200, 7 })
        {
            var references = Enumerable.Range(1, count).Select(n => new ExternalId(ExternalIdKind.OpenAlex, $"W{n}")).ToList();
            var targets = fresh.CachedTargets(cache, references);
            Assert.Equal(
                references.Select((_, i) => i % 2 == 0 ? 1000L + i + 1 : FreshRows.NotCached),
                targets.Take(count));
        }

        // The same value under another kind is another id.
        Assert.Equal(FreshRows.NotCached, fresh.CachedTargets(cache, [new ExternalId(ExternalIdKind.Doi, "W1")])[0]);
    }
}
