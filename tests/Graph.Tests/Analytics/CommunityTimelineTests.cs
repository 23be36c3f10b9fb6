using CiteGraph.Graph.Analytics;
using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Tests.Analytics;

public sealed class CommunityTimelineTests
{
    /// <summary>Papers given as (year, community, cited paper indexes).</summary>
    private static TimelineResult Timeline(IReadOnlyList<(int Year, int Community, int[] Cites)> papers, int minPapers = 3, int? from = null, int? to = null)
    {
        var arcs = papers.SelectMany((p, i) => p.Cites.Select(c => (i, c))).ToList();
        var graph = TestGraphs.FromPairs(papers.Count, arcs);
        return CommunityTimeline.Compute(papers.Select(p => (int?)p.Year).ToList(), papers.Select(p => (int?)p.Community).ToList(), graph, from, to, minPapers);
    }

    [Fact]
    public void A_field_whose_first_papers_cite_two_present_fields_merged_from_them_and_one_citing_nothing_known_was_born()
    {
        var papers = new List<(int Year, int Community, int[] Cites)>();
        // Fields 1 and 2 in 2000 and 2001 (4 papers each a year), citing themselves.
        foreach (var year in new[] { 2000, 2001 })
        {
            foreach (var field in new[] { 1, 2 })
            {
                for (var i = 0; i < 4; i++)
                {
                    papers.Add((year, field, year == 2001 ? [papers.FindIndex(p => p.Community == field)] : []));
                }
            }
        }

        var a = papers.FindIndex(p => p.Community == 1);
        var b = papers.FindIndex(p => p.Community == 2);
        // 2002: field 3 cites both 1 and 2 (merge), field 4 cites only itself (born), fields 1 and 2 stop.
        for (var i = 0; i < 4; i++)
        {
            papers.Add((2002, 3, [a, b]));
        }

        for (var i = 0; i < 3; i++)
        {
            papers.Add((2002, 4, []));
        }

        var timeline = Timeline(papers);

        Assert.Equal([2000, 2001, 2002], timeline.Slices.Select(s => s.Year));
        Assert.Equal([(3, 4), (4, 3)], timeline.Slices[2].Communities.Select(c => (c.Community, c.Papers)));
        var merged = Assert.Single(timeline.Events, e => e.Kind == CommunityEventKind.Merged);
        Assert.Equal((2002, 3), (merged.Year, merged.Community));
        Assert.Equal([1, 2], merged.Related.Select(r => r.Community).Order());
        Assert.All(merged.Related, r => Assert.Equal(0.5, r.Jaccard, 1e-9));
        var born = Assert.Single(timeline.Events, e => e.Kind == CommunityEventKind.Born);
        Assert.Equal((2002, 4, 3), (born.Year, born.Community, born.Papers));
        // The parents of a merge did not die: they merged.
        Assert.DoesNotContain(timeline.Events, e => e.Kind == CommunityEventKind.Died);
    }

    [Fact]
    public void A_field_below_the_threshold_is_not_present_and_one_that_stops_died_and_doubling_grew()
    {
        var papers = new List<(int Year, int Community, int[] Cites)>();
        papers.AddRange(Enumerable.Repeat((2010, 1, Array.Empty<int>()), 3));
        papers.AddRange(Enumerable.Repeat((2010, 2, Array.Empty<int>()), 3));
        papers.AddRange(Enumerable.Repeat((2011, 1, Array.Empty<int>()), 6));
        papers.AddRange(Enumerable.Repeat((2011, 5, Array.Empty<int>()), 2));

        var timeline = Timeline(papers);

        Assert.Equal([1], timeline.Slices[1].Communities.Select(c => c.Community));
        Assert.Equal(8, timeline.Slices[1].Papers);
        Assert.Contains(timeline.Events, e => e is { Kind: CommunityEventKind.Grew, Community: 1, Papers: 6, PreviousPapers: 3, Year: 2011 });
        Assert.Contains(timeline.Events, e => e is { Kind: CommunityEventKind.Died, Community: 2, PreviousPapers: 3, Year: 2011 });
        Assert.DoesNotContain(timeline.Events, e => e.Community == 5);
    }

    [Fact]
    public void The_range_limits_slices_and_events_to_its_years()
    {
        var papers = Enumerable.Range(0, 5).SelectMany(y => Enumerable.Repeat((2000 + y, y % 2, Array.Empty<int>()), 3)).ToList();

        var timeline = Timeline(papers, from: 2001, to: 2002);

        Assert.Equal([2001, 2002], timeline.Slices.Select(s => s.Year));
        Assert.All(timeline.Events, e => Assert.InRange(e.Year, 2001, 2002));
    }
}
