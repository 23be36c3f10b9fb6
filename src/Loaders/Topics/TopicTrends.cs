using CiteGraph.Graph.Model;

namespace CiteGraph.Loaders.Topics;

/// <summary>
/// Papers per year of each topic, and its growth. Growth compares the topic's share of the corpus's latest year's
/// papers with its share of all earlier years' papers: log2(((c_last + 1) / (N_last + 1)) / ((c_prev + 1) / (N_prev + 1))),
/// where c counts the topic's papers and N all dated papers. Shares rather than counts, so a corpus that grows (or a
/// latest year that is not over) does not make every topic rise; add-one smoothing, so a topic new this year rises by
/// how common it already is rather than infinitely. A topic with fewer than <see cref="TopicOptions.GrowthMinPapers"/>
/// papers in the latest year has no growth (one or two papers are no trend), nor has any topic of a corpus with one
/// year or without dates. Undated papers count in neither share.
/// </summary>
internal static class TopicTrends
{
    /// <summary>The topics with <see cref="Topic.ByYear"/> and <see cref="Topic.Growth"/> set.</summary>
    /// <param name="topics">The topics.</param>
    /// <param name="paperTopics">Each paper's topics (indexes into <paramref name="topics"/>).</param>
    /// <param name="years">Each paper's year, or null.</param>
    /// <param name="options">Minimum support.</param>
    public static List<Topic> Apply(IReadOnlyList<Topic> topics, IReadOnlyList<IEnumerable<int>> paperTopics, IReadOnlyList<int?> years, TopicOptions options)
    {
        var counts = new Dictionary<int, int>[topics.Count];
        var perYear = new Dictionary<int, int>();
        for (var p = 0; p < paperTopics.Count; p++)
        {
            if (years[p] is not { } year)
            {
                continue;
            }

            perYear[year] = perYear.GetValueOrDefault(year) + 1;
            foreach (var t in paperTopics[p])
            {
                var c = counts[t] ??= [];
                c[year] = c.GetValueOrDefault(year) + 1;
            }
        }

        var last = perYear.Count > 0 ? perYear.Keys.Max() : 0;
        var lastPapers = perYear.GetValueOrDefault(last);
        var earlierPapers = perYear.Where(y => y.Key < last).Sum(y => y.Value);
        var result = new List<Topic>(topics.Count);
        for (var t = 0; t < topics.Count; t++)
        {
            var c = counts[t];
            if (c is null)
            {
                result.Add(topics[t] with { ByYear = [], Growth = null });
                continue;
            }

            var byYear = c.OrderBy(y => y.Key).Select(y => new TopicYear(y.Key, y.Value)).ToArray();
            var inLast = c.GetValueOrDefault(last);
            var earlier = c.Where(y => y.Key < last).Sum(y => y.Value);
            double? growth = earlierPapers > 0 && lastPapers > 0 && inLast >= options.GrowthMinPapers
                ? Math.Round(Math.Log2((inLast + 1.0) / (lastPapers + 1.0) / ((earlier + 1.0) / (earlierPapers + 1.0))), 6)
                : null;
            result.Add(topics[t] with { ByYear = byYear, Growth = growth });
        }

        return result;
    }
}
