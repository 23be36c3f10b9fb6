using CiteGraph.Graph.Snapshot;

namespace CiteGraph.Graph.Suggest;

/// <summary>
/// How readily the graph's papers cite papers of each age (whole years between the two papers' months): the citations
/// made at that age divided by the pairs that could have been (a citing paper and any older dated paper), smoothed
/// towards the overall rate. Papers cite work of a few years back more readily than last month's or a decade-old work;
/// this measures by how much, from the graph itself, so it follows each corpus's habits.
/// </summary>
/// <remarks>
/// Only papers that cite something count as citing (a paper with no known references says nothing about ages). The
/// pairs are counted from month histograms (months × months), never paper by paper. The rates are read from every
/// citation the snapshot holds: one aggregate of the whole graph, the same in every scope.
/// </remarks>
public sealed class CitationAges
{
    /// <summary>Ages of this many years or more share the last bucket.</summary>
    public const int MaxYears = 15;

    private readonly double[] _relativeRate;

    private CitationAges(double[] relativeRate) => _relativeRate = relativeRate;

    /// <summary>The rates of <paramref name="snapshot"/>'s citations, papers dated by <paramref name="months"/> (aligned with the snapshot).</summary>
    public static CitationAges Measure(GraphSnapshot snapshot, IReadOnlyList<PaperMonth> months) => Measure(snapshot, months, citingVisible: null);

    /// <summary>
    /// The rates of the citations made by the papers <paramref name="citingVisible"/> admits (every paper when null): a
    /// held-out paper measures them only on what it may see, never on its own or later papers' references.
    /// </summary>
    public static CitationAges Measure(GraphSnapshot snapshot, IReadOnlyList<PaperMonth> months, Func<int, bool>? citingVisible)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(months);
        var citations = snapshot.Citations;
        var cited = new double[MaxYears + 1];
        var papersByMonth = new Dictionary<int, int>();
        var citingByMonth = new Dictionary<int, int>();
        for (var p = 0; p < snapshot.PaperCount; p++)
        {
            if (MonthIndex(months[p]) is not { } m)
            {
                continue;
            }

            papersByMonth[m] = papersByMonth.GetValueOrDefault(m) + 1;
            if (citingVisible is not null && !citingVisible(p))
            {
                continue;
            }

            var counted = false;
            foreach (var c in citations.OutNeighbors(p))
            {
                if (Bucket(months[p], months[c]) is { } b)
                {
                    cited[b]++;
                    counted = true;
                }
            }

            if (counted)
            {
                citingByMonth[m] = citingByMonth.GetValueOrDefault(m) + 1;
            }
        }

        var pairs = new double[MaxYears + 1];
        foreach (var (citingMonth, citingCount) in citingByMonth)
        {
            foreach (var (paperMonth, paperCount) in papersByMonth)
            {
                if (paperMonth <= citingMonth)
                {
                    pairs[Math.Min(MaxYears, (citingMonth - paperMonth) / 12)] += (double)citingCount * paperCount;
                }
            }
        }

        // Smoothed towards the overall rate with the weight of one citation, so that a rare age is not 0 or wild.
        var overall = pairs.Sum() > 0 ? cited.Sum() / pairs.Sum() : 0;
        var relative = new double[MaxYears + 1];
        for (var b = 0; b <= MaxYears; b++)
        {
            relative[b] = overall > 0 ? (cited[b] + 1) / (pairs[b] + (1 / overall)) / overall : 1;
        }

        return new CitationAges(relative);
    }

    /// <summary>How readily a paper of <paramref name="cited"/>'s age is cited by one of <paramref name="citing"/>'s, relative to the overall rate (1 = average); null when either date is unknown.</summary>
    public double? RelativeRate(PaperMonth citing, PaperMonth cited) => Bucket(citing, cited) is { } b ? _relativeRate[b] : null;

    /// <summary>The age bucket (whole years, capped) of a citation; a cited paper later than the citing one counts as age 0.</summary>
    public static int? Bucket(PaperMonth citing, PaperMonth cited) =>
        MonthIndex(citing) is { } a && MonthIndex(cited) is { } b ? Math.Clamp((a - b) / 12, 0, MaxYears) : null;

    /// <summary>Months since year 0; a paper dated by its year alone counts as of mid-year.</summary>
    private static int? MonthIndex(PaperMonth month) => month.Year is { } y ? (y * 12) + (month.Month == 0 ? 6 : month.Month) - 1 : null;
}
