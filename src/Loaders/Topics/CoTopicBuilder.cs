using CiteGraph.Graph.Model;

namespace CiteGraph.Loaders.Topics;

/// <summary>
/// CO_TOPIC: each paper's top-k papers by idf-weighted shared topics. Candidates come from an inverted index (topic →
/// papers), walked for a paper's strongest topics, rarest first, only for topics in at most <see cref="TopicOptions.CoTopicMaxDf"/>
/// papers and until <see cref="TopicOptions.CoTopicCandidateBudget"/> postings were read, so the work per paper is bounded and no pair of papers is ever enumerated blindly. The k winners are then
/// scored exactly: Σ idf of shared topics / √(Σ idf of each paper's topics).
/// </summary>
internal static class CoTopicBuilder
{
    private const int ReasonsPerPair = 3;

    public static IReadOnlyList<CoTopicRow> Build(int[][] paperTopics, double[] idf, int[] df, string[] paperIds, IReadOnlyList<Topic> topics, TopicOptions options)
    {
        var n = paperTopics.Length;
        var k = options.CoTopicK;
        if (n == 0 || k <= 0)
        {
            return [];
        }

        // Inverted index as CSR arrays: postings of topic t are papers[offsets[t] .. offsets[t + 1]).
        var offsets = new int[idf.Length + 1];
        foreach (var list in paperTopics)
        {
            foreach (var t in list)
            {
                if (df[t] <= options.CoTopicMaxDf)
                {
                    offsets[t + 1]++;
                }
            }
        }

        for (var t = 0; t < idf.Length; t++)
        {
            offsets[t + 1] += offsets[t];
        }

        var postings = new int[offsets[^1]];
        var fill = (int[])offsets.Clone();
        for (var p = 0; p < n; p++)
        {
            foreach (var t in paperTopics[p])
            {
                if (df[t] <= options.CoTopicMaxDf)
                {
                    postings[fill[t]++] = p;
                }
            }
        }

        var norms = new double[n];
        for (var p = 0; p < n; p++)
        {
            foreach (var t in paperTopics[p])
            {
                norms[p] += idf[t];
            }
        }

        var invSqrtNorms = norms.Select(x => x > 0 ? 1 / Math.Sqrt(x) : 0).ToArray();
        var sorted = paperTopics.Select(list => list.Order().ToArray()).ToArray();
        // Only the winners' indexes are kept (k ints a paper); the rows — exact weight, reasons, their strings — are made
        // when the store reads them, one paper at a time (CoTopicRows), so the pass never holds the ~k·N row objects.
        var neighbours = new int[checked((long)n * k) <= Array.MaxLength ? n * k : throw new InvalidOperationException($"{n:N0} papers × k = {k} CO_TOPIC slots exceed one array")];
        var counts = new int[n];
        Parallel.For(
            0,
            n,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism) },
            () => new Scratch(n),
            (p, _, scratch) =>
            {
                counts[p] = TopK(p, paperTopics, idf, invSqrtNorms, offsets, postings, options, scratch, neighbours.AsSpan(p * k, k));
                return scratch;
            },
            _ => { });

        // Names as they are now: the caller goes on to append and update topics after this returns.
        return new CoTopicRows(sorted, idf, norms, paperIds, [.. topics.Select(t => t.Name)], neighbours, counts, k);
    }

    private static int TopK(
        int p, int[][] paperTopics, double[] idf, double[] invSqrtNorms, int[] offsets, int[] postings, TopicOptions options, Scratch scratch, Span<int> winners)
    {
        // The rarest topics tell the most: walk their posting lists first, until the candidate budget is spent.
        var mine = scratch.ByIdf;
        mine.Clear();
        mine.AddRange(paperTopics[p].Take(options.TopicsPerPaperForPairs));
        mine.Sort((a, b) => idf[b].CompareTo(idf[a]));
        var budget = options.CoTopicCandidateBudget;
        foreach (var t in mine)
        {
            if (budget <= 0)
            {
                break;
            }

            budget -= offsets[t + 1] - offsets[t];
            for (var j = offsets[t]; j < offsets[t + 1]; j++)
            {
                var q = postings[j];
                if (q == p)
                {
                    continue;
                }

                if (scratch.Score[q] == 0)
                {
                    scratch.Touched.Add(q);
                }

                scratch.Score[q] += (float)idf[t];
            }
        }

        // Keep the k best candidates in a min-heap; p's own norm scales every candidate alike, so it is left out here.
        var heap = scratch.Heap;
        heap.Clear();
        var worst = double.NegativeInfinity;
        foreach (var q in scratch.Touched)
        {
            var score = scratch.Score[q] * invSqrtNorms[q];
            scratch.Score[q] = 0;
            if (heap.Count < options.CoTopicK)
            {
                heap.Enqueue(q, score);
                if (heap.Count == options.CoTopicK)
                {
                    heap.TryPeek(out _, out worst);
                }
            }
            else if (score > worst)
            {
                heap.EnqueueDequeue(q, score);
                heap.TryPeek(out _, out worst);
            }
        }

        scratch.Touched.Clear();
        var count = 0;
        while (heap.TryDequeue(out var q, out _))
        {
            winners[count++] = q;
        }

        return count;
    }

    /// <summary>One paper's CO_TOPIC rows from its winners: exact weight over every shared topic, the best shared topics as reasons.</summary>
    internal static CoTopicRow[] Rows(
        int p, ReadOnlySpan<int> winners, int[][] sorted, double[] idf, double[] norms, string[] paperIds, string[] topicNames)
    {
        var rows = new List<CoTopicRow>(winners.Length);
        foreach (var q in winners)
        {
            // Exact score over every shared topic, and the shared topics with the highest idf as reasons.
            var shared = Shared(sorted[p], sorted[q]);
            // Each shared topic contributes idf / √(norm_p · norm_q): the contributions sum to the weight, so the reasons
            // say how much of the link each one makes.
            var scale = 1 / Math.Sqrt(norms[p] * norms[q]);
            var weight = shared.Sum(t => idf[t]) * scale;
            var best = shared.OrderByDescending(t => idf[t]).ThenBy(t => t).Take(ReasonsPerPair).ToArray();
            rows.Add(new CoTopicRow(paperIds[p], paperIds[q], Math.Round(weight, 6), shared.Count, best.Select(t => topicNames[t]).ToArray())
            {
                ReasonWeights = best.Select(t => Math.Round(idf[t] * scale, 6)).ToArray(),
            });
        }

        rows.Sort((a, b) => b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight) : string.CompareOrdinal(a.OtherId, b.OtherId));
        return [.. rows];
    }

    private static List<int> Shared(int[] a, int[] b)
    {
        var shared = new List<int>();
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared.Add(a[i]);
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return shared;
    }

    private sealed class Scratch(int n)
    {
        public float[] Score { get; } = new float[n];
        public List<int> Touched { get; } = [];
        public PriorityQueue<int, double> Heap { get; } = new();
        public List<int> ByIdf { get; } = [];
    }
}
