using System.Collections.Concurrent;

namespace CiteGraph.Graph.Suggest;

/// <summary>
/// How often each paper was really cited by the graph's earlier papers against how often the engine's own ranking expected
/// it to be (<see cref="SuggestionFeature.ItemBias"/>): every earlier paper with known references is asked for its
/// suggestions as if it were new (held out), and each paper it ranks at place r is expected to be cited with the share of
/// places r that were cited. A classic cited more often than the text and the votes of similar papers put it in front
/// gains; a paper suggested everywhere but seldom cited loses. The engine's errors of the past, corrected per paper.
/// </summary>
/// <remarks>
/// A paper asking sees only the lists of papers strictly earlier than it (held-out scope), so it never learns from its own
/// references or from later papers'. The base ranking is <see cref="SuggestionWeights.Fitted"/> without this feature.
/// </remarks>
public sealed class ItemCalibration
{
    /// <summary>Places of each earlier paper's ranking that count (a reference ranked lower is expected with the share of place <see cref="Depth"/>).</summary>
    public const int Depth = 50;

    /// <summary>Pseudo-counts added to the citations and to the expected citations: a paper seen in few lists stays near neutral.</summary>
    public const double Prior = 2;

    /// <summary>The value of a paper no earlier list ranked or cited: the ratio 1, neither more nor less cited than expected.</summary>
    public const float Neutral = 0.5f;

    /// <summary>The most recent papers with references that a live calibration asks (a large graph stays affordable).</summary>
    public const int MaxLivePapers = 2000;

    private readonly List[] _lists;
    private readonly SuggestionCorpus _corpus;
    private readonly ConcurrentDictionary<PaperMonth, IReadOnlyDictionary<int, float>> _byMonth = new();
    private IReadOnlyDictionary<int, float>? _all;

    private ItemCalibration(SuggestionCorpus corpus, List[] lists) => (_corpus, _lists) = (corpus, lists);

    /// <summary>Earlier papers whose rankings were measured.</summary>
    public int Papers => _lists.Length;

    /// <summary>
    /// Asks every dated paper with explicit references (of a year before <paramref name="graphBefore"/> when given) for its
    /// ranking, held out; live: only the <see cref="MaxLivePapers"/> most recent.
    /// </summary>
    public static ItemCalibration Build(SuggestionCorpus corpus, int? graphBefore, bool live)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var snapshot = corpus.Snapshot;
        var baseWeights = SuggestionWeights.Fitted.With(SuggestionFeature.ItemBias, 0);
        var citing = Enumerable.Range(0, snapshot.PaperCount)
            .Where(p => corpus.Titles[p] is not null && corpus.Months[p].Year is { } year && (graphBefore is not { } before || year < before))
            .Select(p => (Paper: p, Known: corpus.ExplicitReferences(p)))
            .Where(p => p.Known.Length > 0)
            .OrderByDescending(p => corpus.Months[p.Paper].Year).ThenByDescending(p => corpus.Months[p.Paper].Month).ThenBy(p => p.Paper)
            .Take(live ? MaxLivePapers : int.MaxValue)
            .ToArray();
        var lists = new List[citing.Length];
        Parallel.For(0, citing.Length, i =>
        {
            var (paper, known) = citing[i];
            var ranked = SuggestionEngine.Candidates(corpus, paper, SuggestionScope.HeldOut, graphBefore, baseWeights)
                .Select(c => (c.Paper, Score: c.Score(baseWeights)))
                .Where(c => c.Score > 0)
                .OrderByDescending(c => c.Score).ThenBy(c => snapshot.PaperId(c.Paper), StringComparer.Ordinal)
                .Take(Depth).Select(c => c.Paper).ToArray();
            lists[i] = new List(paper, ranked, known);
        });
        return new ItemCalibration(corpus, lists);
    }

    /// <summary>
    /// Per paper, its value in (0, 1) for a paper of <paramref name="month"/> (the lists of papers strictly before it), or
    /// for the live graph (every list) when null: r / (1 + r) where r = (cited + <see cref="Prior"/>) / (expected + <see cref="Prior"/>).
    /// Papers not named are <see cref="Neutral"/>.
    /// </summary>
    public IReadOnlyDictionary<int, float> For(PaperMonth? month) => month is { } m
        ? _byMonth.GetOrAdd(m, key => Measure(_lists.Where(l => _corpus.Months[l.Citing].IsStrictlyBefore(key))))
        : _all ??= Measure(_lists);

    private static Dictionary<int, float> Measure(IEnumerable<List> usable)
    {
        var lists = usable.ToArray();
        var citedAt = new double[Depth];
        var seenAt = new double[Depth];
        foreach (var list in lists)
        {
            for (var r = 0; r < list.Ranked.Length; r++)
            {
                seenAt[r]++;
                citedAt[r] += Array.IndexOf(list.Known, list.Ranked[r]) >= 0 ? 1 : 0;
            }
        }

        // The share of each place that was cited, smoothed (a place few lists reach says little).
        var share = citedAt.Select((c, r) => (c + 0.5) / (seenAt[r] + 5)).ToArray();
        var cited = new Dictionary<int, double>();
        var expected = new Dictionary<int, double>();
        foreach (var list in lists)
        {
            foreach (var k in list.Known)
            {
                cited[k] = cited.GetValueOrDefault(k) + 1;
            }

            for (var r = 0; r < list.Ranked.Length; r++)
            {
                expected[list.Ranked[r]] = expected.GetValueOrDefault(list.Ranked[r]) + share[r];
            }
        }

        var values = new Dictionary<int, float>(cited.Count + expected.Count);
        foreach (var paper in cited.Keys.Union(expected.Keys))
        {
            var ratio = (cited.GetValueOrDefault(paper) + Prior) / (expected.GetValueOrDefault(paper) + Prior);
            values[paper] = (float)(ratio / (1 + ratio));
        }

        return values;
    }

    private sealed record List(int Citing, int[] Ranked, int[] Known);
}
