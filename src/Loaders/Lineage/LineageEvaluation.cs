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
/// <param name="ByRule">Predicted and correct counts per rule (the evidence prefix: arxiv, doi, method, et-al, title).</param>
public sealed record LineageEvaluation(
    double Threshold, int TruthPairs, int ResolvedPairs, int CitingPapers, int Predicted, int Correct,
    IReadOnlyDictionary<string, (int Predicted, int Correct)> ByRule)
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
    public static async Task<LineageEvaluation> EvaluateAsync(IGraphStore store, string truthPath, double threshold, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(truthPath);
        var resolved = new Dictionary<string, string?>(StringComparer.Ordinal);
        async Task<string?> ResolveAsync(string id)
        {
            if (!resolved.TryGetValue(id, out var paperId))
            {
                paperId = (await store.FindPaperAsync(id, cancellationToken).ConfigureAwait(false))?.Id;
                resolved[id] = paperId;
            }

            return paperId;
        }

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
            if (await ResolveAsync(parts[0]).ConfigureAwait(false) is { } from && await ResolveAsync(parts[1]).ConfigureAwait(false) is { } to && from != to)
            {
                truth.Add((from, to));
            }
        }

        var citing = truth.Select(t => t.Item1).Distinct(StringComparer.Ordinal).ToList();
        var byRule = new Dictionary<string, (int Predicted, int Correct)>(StringComparer.Ordinal);
        int predicted = 0, correct = 0;
        foreach (var paper in citing)
        {
            var page = await store.GetCitationsAsync(
                new CitationQuery(paper, CitationDirection.Cites, 10_000, 0, CitationKind.Inferred, threshold), cancellationToken).ConfigureAwait(false);
            foreach (var link in page.Items)
            {
                var rule = link.Evidence?.Split(':', 2)[0] ?? "?";
                var ok = truth.Contains((paper, link.Paper.Id));
                predicted++;
                correct += ok ? 1 : 0;
                var (p, c) = byRule.GetValueOrDefault(rule);
                byRule[rule] = (p + 1, c + (ok ? 1 : 0));
            }
        }

        return new LineageEvaluation(threshold, lines, truth.Count, citing.Count, predicted, correct, byRule);
    }

    /// <summary>One line: threshold, counts, precision and recall.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"threshold {Threshold:0.##}: {Predicted} inferred from {CitingPapers} papers with known references, {Correct} correct; " +
        $"precision {Format(Precision)}, recall {Format(Recall)} ({Correct}/{ResolvedPairs} known pairs; {TruthPairs} truth lines)");

    private static string Format(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
