using System.Globalization;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;

namespace CiteGraph.Loaders.Lineage;

/// <summary>Precision and recall of inferred CITES against known references, overall and per rule.</summary>
/// <param name="Threshold">Only inferred citations at least this confident were counted.</param>
/// <param name="TruthPairs">Lines of the truth file read as pairs.</param>
/// <param name="ResolvedPairs">Truth pairs whose two ids both name a paper of the store (distinct pairs).</param>
/// <param name="CitingPapers">Distinct citing papers among the resolved pairs: the papers whose references are known.</param>
/// <param name="Predicted">Inferred citations from those citing papers (those are the ones a truth file can judge).</param>
/// <param name="Correct">Predicted citations that the truth file lists.</param>
/// <param name="ByRule">Predicted and correct counts per rule (the evidence prefix: arxiv, doi, method, et-al, title, title-name, phrase).</param>
/// <param name="Calibration">
/// Every stored inferred citation of the judged citing papers (any confidence) binned by confidence: a calibrated
/// confidence c means about a share c of a bin around c is correct.
/// </param>
/// <param name="CitingFrom">Only truth pairs whose citing paper is from this year on were judged, or null.</param>
/// <param name="CitingTo">Only truth pairs whose citing paper is up to this year were judged, or null.</param>
public sealed record LineageEvaluation(
    double Threshold, int TruthPairs, int ResolvedPairs, int CitingPapers, int Predicted, int Correct,
    IReadOnlyDictionary<string, (int Predicted, int Correct)> ByRule,
    IReadOnlyList<CalibrationBin> Calibration,
    int? CitingFrom = null,
    int? CitingTo = null)
{
    /// <summary>Correct / predicted; NaN when nothing was predicted.</summary>
    public double Precision => Predicted == 0 ? double.NaN : (double)Correct / Predicted;

    /// <summary>Correct / resolved truth pairs; NaN when no pair resolved.</summary>
    public double Recall => ResolvedPairs == 0 ? double.NaN : (double)Correct / ResolvedPairs;

    /// <summary>
    /// Evaluates the inferred citations of <paramref name="store"/> against a truth TSV: one <c>citing id, cited id</c>
    /// pair per line (tab, comma or space separated; ids of any kind the store knows: CiteGraph id, arXiv id, DOI,
    /// OpenAlex, S2, edge-list ids). Blank lines and <c>#</c> comments are skipped; unresolvable lines are counted, not fatal.
    /// </summary>
    /// <param name="store">The store holding the papers and their inferred citations.</param>
    /// <param name="truthPath">The truth TSV.</param>
    /// <param name="threshold">Count inferred citations at least this confident.</param>
    /// <param name="citingFrom">Judge only citing papers from this year on (a held-out split), or null for all.</param>
    /// <param name="citingTo">Judge only citing papers up to this year, or null for all.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    public static async Task<LineageEvaluation> EvaluateAsync(
        IGraphStore store, string truthPath, double threshold, int? citingFrom = null, int? citingTo = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(truthPath);
        var resolved = new Dictionary<string, Paper?>(StringComparer.Ordinal);
        async Task<Paper?> ResolveAsync(string id)
        {
            if (!resolved.TryGetValue(id, out var paper))
            {
                paper = await store.FindPaperAsync(id, cancellationToken).ConfigureAwait(false);
                resolved[id] = paper;
            }

            return paper;
        }

        bool InSplit(Paper citing) =>
            (citingFrom is null && citingTo is null) ||
            (YearOf(citing) is { } year && (citingFrom is null || year >= citingFrom) && (citingTo is null || year <= citingTo));

        var truth = new HashSet<(string, string)>();
        var lines = 0;
        foreach (var line in File.ReadLines(truthPath))
        {
            var parts = line.Split(['\t', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length < 2 || parts[0].StartsWith('#'))
            {
                continue;
            }

            lines++;
            if (await ResolveAsync(parts[0]).ConfigureAwait(false) is { } from && InSplit(from) &&
                await ResolveAsync(parts[1]).ConfigureAwait(false) is { } to && from.Id != to.Id)
            {
                truth.Add((from.Id, to.Id));
            }
        }

        var citing = truth.Select(t => t.Item1).Distinct(StringComparer.Ordinal).ToList();
        var byRule = new Dictionary<string, (int Predicted, int Correct)>(StringComparer.Ordinal);
        var bins = new (int Predicted, int Correct)[BinCount];
        int predicted = 0, correct = 0;
        foreach (var paper in citing)
        {
            var page = await store.GetCitationsAsync(
                new CitationQuery(paper, CitationDirection.Cites, 10_000, 0, CitationKind.Inferred, 0), cancellationToken).ConfigureAwait(false);
            foreach (var link in page.Items)
            {
                var bin = Math.Clamp((int)(link.Confidence * BinCount), 0, BinCount - 1);
                var hit = truth.Contains((paper, link.Paper.Id));
                bins[bin] = (bins[bin].Predicted + 1, bins[bin].Correct + (hit ? 1 : 0));
                if (link.Confidence < threshold)
                {
                    continue;
                }

                var rule = link.Evidence?.Split(':', 2)[0] ?? "?";
                var ok = truth.Contains((paper, link.Paper.Id));
                predicted++;
                correct += ok ? 1 : 0;
                var (p, c) = byRule.GetValueOrDefault(rule);
                byRule[rule] = (p + 1, c + (ok ? 1 : 0));
            }
        }

        var calibration = bins.Select((b, i) => new CalibrationBin((double)i / BinCount, (double)(i + 1) / BinCount, b.Predicted, b.Correct))
            .Where(b => b.Predicted > 0).ToList();
        return new LineageEvaluation(threshold, lines, truth.Count, citing.Count, predicted, correct, byRule, calibration, citingFrom, citingTo);
    }

    /// <summary>One line: threshold, counts, precision and recall.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{(CitingFrom is null && CitingTo is null ? "" : $"citing papers {CitingFrom}–{CitingTo}, ")}threshold {Threshold:0.##}: {Predicted} inferred from {CitingPapers} papers with known references, {Correct} correct; " +
        $"precision {Format(Precision)}, recall {Format(Recall)} ({Correct}/{ResolvedPairs} known pairs; {TruthPairs} truth lines)");

    private const int BinCount = 10;

    // The year lineage inference dates the paper by: its own, else the month its arXiv id encodes.
    private static int? YearOf(Paper paper) =>
        LineagePaper.DateOf(new PaperText { Id = paper.Id, Title = paper.Title, Year = paper.Year, Published = paper.Published, ArxivId = paper.ArxivId })?.Year;

    private static string Format(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.000", CultureInfo.InvariantCulture);
}

/// <summary>Inferred citations whose confidence lies in [<paramref name="From"/>, <paramref name="To"/>), and how many of them are correct.</summary>
public sealed record CalibrationBin(double From, double To, int Predicted, int Correct)
{
    /// <summary>Correct / predicted.</summary>
    public double Precision => Predicted == 0 ? double.NaN : (double)Correct / Predicted;
}
