using CiteGraph.Graph.Analytics;
using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Tests.Analytics;

public sealed class CommunityMatchingTests
{
    /// <summary>A partition of consecutive blocks: <c>Blocks((7, 10), (3, 5))</c> puts 10 nodes in 7, then 5 in 3.</summary>
    private static int[] Blocks(params (int Community, int Size)[] blocks) => blocks.SelectMany(b => Enumerable.Repeat(b.Community, b.Size)).ToArray();

    [Fact]
    public void The_same_partition_under_other_numbers_keeps_every_previous_id_and_reports_nothing()
    {
        var previous = Blocks((40, 10), (41, 8), (42, 6));
        var current = Blocks((0, 10), (1, 8), (2, 6));

        var match = CommunityMatching.Match(current, previous, nextId: 43, level: 0);

        Assert.Equal(previous, match.Membership);
        Assert.Equal(24, match.Kept);
        Assert.Empty(match.Events);
        Assert.Equal(43, match.NextId);
    }

    [Fact]
    public void New_papers_and_a_new_community_get_fresh_ids_above_every_id_given_before()
    {
        // 20 papers in 5, then 6 new papers (previous -1) forming their own community and 2 joining 5.
        var previous = Blocks((5, 20), (-1, 8));
        var current = Blocks((0, 20), (0, 2), (1, 6));

        var match = CommunityMatching.Match(current, previous, nextId: 100, level: 1);

        Assert.All(match.Membership.Take(22), c => Assert.Equal(5, c));
        Assert.All(match.Membership.Skip(22), c => Assert.Equal(100, c));
        var born = Assert.Single(match.Events, e => e.Kind == CommunityEventKind.Born);
        Assert.Equal((100, 6, 0, 1), (born.Community, born.Size, born.PreviousSize, born.Level));
        var grew = Assert.Single(match.Events, e => e.Kind == CommunityEventKind.Grew);
        Assert.Equal((5, 22, 20), (grew.Community, grew.Size, grew.PreviousSize));
        Assert.Equal(20.0 / 22, Assert.Single(grew.Related).Jaccard, 1e-9);
    }

    [Fact]
    public void Two_communities_that_went_mostly_into_one_are_a_merge_with_each_ones_jaccard()
    {
        // 12 in community 1 and 8 in community 2 become one community of 20 (plus 5 of 3 staying apart, unchanged).
        var previous = Blocks((1, 12), (2, 8), (3, 5));
        var current = Blocks((9, 20), (8, 5));

        var match = CommunityMatching.Match(current, previous, nextId: 4, level: 0);

        // The larger overlap keeps its id; 2 has no successor of its own but is no death: it merged.
        Assert.All(match.Membership.Take(20), c => Assert.Equal(1, c));
        var merged = Assert.Single(match.Events);
        Assert.Equal(CommunityEventKind.Merged, merged.Kind);
        Assert.Equal((1, 20, 12), (merged.Community, merged.Size, merged.PreviousSize));
        Assert.Equal([1, 2], merged.Related.Select(r => r.Community));
        Assert.Equal(12.0 / 20, merged.Related[0].Jaccard, 1e-9);
        Assert.Equal(8.0 / 20, merged.Related[1].Jaccard, 1e-9);
    }

    [Fact]
    public void A_community_whose_papers_now_make_two_is_a_split_into_both_ids()
    {
        var previous = Blocks((7, 30));
        var current = Blocks((0, 18), (1, 12));

        var match = CommunityMatching.Match(current, previous, nextId: 8, level: 0);

        Assert.Equal(7, match.Membership[0]);
        Assert.Equal(8, match.Membership[^1]);
        var split = Assert.Single(match.Events);
        Assert.Equal(CommunityEventKind.Split, split.Kind);
        Assert.Equal((7, 18, 30), (split.Community, split.Size, split.PreviousSize));
        Assert.Equal([7, 8], split.Related.Select(r => r.Community));
        Assert.Equal([18.0 / 30, 12.0 / 30], split.Related.Select(r => r.Jaccard));
    }

    [Fact]
    public void A_community_scattered_over_three_others_died()
    {
        // Community 4's ten papers go three, three and four ways into three big communities: no part holds most of it.
        var previous = Blocks((1, 30), (2, 30), (3, 30), (4, 10));
        var current = Blocks((0, 30), (1, 30), (2, 30), (0, 3), (1, 3), (2, 4));

        var match = CommunityMatching.Match(current, previous, nextId: 5, level: 0);

        var died = Assert.Single(match.Events, e => e.Kind == CommunityEventKind.Died);
        Assert.Equal((4, 0, 10), (died.Community, died.Size, died.PreviousSize));
        Assert.DoesNotContain(match.Events, e => e.Kind is CommunityEventKind.Merged or CommunityEventKind.Split or CommunityEventKind.Born);
        Assert.Equal([1, 2, 3], match.Membership.Take(90).Distinct().Order());
        Assert.DoesNotContain(4, match.Membership);
    }

    [Fact]
    public void Partitions_of_different_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => CommunityMatching.Match([0, 0], [0], 1, 0));
    }
}
