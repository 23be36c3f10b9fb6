using System.Globalization;
using CiteGraph.Graph.Traversal;

namespace CiteGraph.GraphQL.Views;

/// <summary>One seed of <c>related</c> and the papers related to it (best first, as the one-paper <c>related</c> ranks them).</summary>
public sealed record SeedRelated(string Seed, bool Negative, IReadOnlyList<RelatedPaperView> Related);

/// <summary>
/// Related papers from several seeds, as Semantic Scholar's recommendations (positive and negative example papers) and
/// Inciteful (several seed papers) offer them. Each seed's list is scaled by its best candidate, so every seed weighs the
/// same whatever its degree; a candidate scores the mean of its scaled scores over the positive seeds (a seed that does
/// not list it counts 0, so being near all of them beats being near one) less the same mean over the negative seeds.
/// Candidates come from the positive seeds' lists only; the seeds themselves and papers the negative seeds pull at least
/// as hard as the positive ones (score 0 or below) are left out.
/// </summary>
internal static class SeedCombination
{
    public static IReadOnlyList<RelatedPaperView> Combine(IReadOnlyList<SeedRelated> seeds, int first)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        var seedIds = seeds.Select(s => s.Seed).ToHashSet(StringComparer.Ordinal);
        var positives = seeds.Count(s => !s.Negative);
        var negatives = seeds.Count - positives;
        var candidates = new Dictionary<string, (RelatedPaperView View, double Score, List<RelatedReason> Reasons)>(StringComparer.Ordinal);
        foreach (var seed in seeds.Where(s => !s.Negative))
        {
            foreach (var view in seed.Related.Where(v => !seedIds.Contains(v.Paper.Id)))
            {
                candidates.TryAdd(view.Paper.Id, (view, 0, []));
            }
        }

        // Positive seeds first, so a result's reasons read "near a, near b, … but near c".
        foreach (var seed in seeds.OrderBy(s => s.Negative))
        {
            var best = seed.Related.Count > 0 ? seed.Related.Max(v => v.Score) : 0;
            if (best <= 0)
            {
                continue;
            }

            var weight = (seed.Negative ? -1.0 : 1.0) / (seed.Negative ? negatives : positives);
            foreach (var view in seed.Related)
            {
                if (!candidates.TryGetValue(view.Paper.Id, out var candidate))
                {
                    continue;
                }

                var scaled = view.Score / best;
                candidate.Score += weight * scaled;
                var near = (seed.Negative ? "near negative seed " : "near seed ") + seed.Seed +
                    $" ({scaled.ToString("0.00", CultureInfo.InvariantCulture)} of its best): ";
                candidate.Reasons.AddRange(view.Reasons.Select(r => r with { Seed = seed.Seed, Negative = seed.Negative, Detail = near + r.Detail }));
                candidates[view.Paper.Id] = candidate;
            }
        }

        return candidates.Values
            .Where(c => c.Score > 1e-12)
            .OrderByDescending(c => c.Score).ThenBy(c => c.View.Paper.Id, StringComparer.Ordinal)
            .Take(first)
            .Select(c => new RelatedPaperView(c.View.Paper, c.Score, c.Reasons))
            .ToList();
    }
}
