using CiteGraph.Graph.Model;

namespace CiteGraph.Loaders.Topics;

/// <summary>CO_OCCURS between topics: papers carrying both, and pointwise mutual information ln(count·N / (df_a·df_b)).</summary>
internal static class CoOccurrence
{
    /// <summary>Counts pairs among each paper's strongest topics; keeps pairs shared by at least <see cref="TopicOptions.MinCoOccurrence"/> papers.</summary>
    public static List<CoOccursRow> Count(int[][] paperTopics, int[] df, int paperCount, TopicOptions options)
    {
        // (int, int) keys hash with HashCode.Combine; a packed long would hash as a ^ b and collide massively.
        var counts = new Dictionary<(int, int), int>();
        var buffer = new List<int>(options.TopicsPerPaperForPairs);
        foreach (var topics in paperTopics)
        {
            buffer.Clear();
            // A topic in fewer papers than the threshold cannot be in a kept pair: skipping it bounds the table.
            foreach (var t in topics)
            {
                if (buffer.Count < options.TopicsPerPaperForPairs && df[t] >= options.MinCoOccurrence)
                {
                    buffer.Add(t);
                }
            }

            buffer.Sort();
            for (var i = 0; i < buffer.Count; i++)
            {
                for (var j = i + 1; j < buffer.Count; j++)
                {
                    ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, (buffer[i], buffer[j]), out _);
                    count++;
                }
            }
        }

        var rows = new List<CoOccursRow>();
        foreach (var ((a, b), count) in counts)
        {
            if (count < options.MinCoOccurrence)
            {
                continue;
            }

            var pmi = Math.Log((double)count * paperCount / ((double)df[a] * df[b]));
            rows.Add(new CoOccursRow(a, b, count, Math.Round(pmi, 6)));
        }

        rows.Sort((x, y) => x.First != y.First ? x.First.CompareTo(y.First) : x.Second.CompareTo(y.Second));
        return rows;
    }
}
