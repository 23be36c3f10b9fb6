using CiteGraph.Graph.Analytics;
using CiteGraph.Graph.Model;

namespace CiteGraph.GraphQL.Views;

/// <summary>A topic's bursts in years: <see cref="KleinbergBursts"/> over its papers per year against all dated papers per year.</summary>
internal static class TopicBursts
{
    /// <summary>The bursts of a topic counted <paramref name="byYear"/>, among <paramref name="totals"/> papers per year, with years as start and end.</summary>
    public static IReadOnlyList<BurstSpan> Of(IReadOnlyList<TopicYear> byYear, SortedDictionary<int, int> totals)
    {
        if (byYear.Count == 0 || totals.Count == 0)
        {
            return [];
        }

        var first = Math.Min(totals.Keys.First(), byYear.Min(y => y.Year));
        var last = Math.Max(totals.Keys.Last(), byYear.Max(y => y.Year));
        var relevant = new int[last - first + 1];
        var total = new int[relevant.Length];
        foreach (var year in byYear)
        {
            relevant[year.Year - first] = year.Papers;
        }

        for (var t = 0; t < total.Length; t++)
        {
            // A topic counted on papers the snapshot does not hold yet (a derive newer than it) never exceeds its year.
            total[t] = Math.Max(totals.GetValueOrDefault(first + t), relevant[t]);
        }

        return KleinbergBursts.Detect(relevant, total).Select(b => b with { Start = first + b.Start, End = first + b.End }).ToList();
    }
}
