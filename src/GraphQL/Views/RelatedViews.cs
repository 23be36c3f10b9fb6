using CiteGraph.Graph.Model;
using CiteGraph.Graph.Traversal;

namespace CiteGraph.GraphQL.Views;

/// <summary>Co-topic neighbours (from the store) in the shape of every other related paper.</summary>
internal static class RelatedViews
{
    public static RelatedPaperView FromCoTopic(CoTopicPaper related) => new(
        related.Paper,
        related.Score,
        [new RelatedReason(RelatedBy.CoTopic, related.Score, "shares topics: " + string.Join(", ", related.Reasons.Select(r => r.Text)))]);

    /// <summary>
    /// Adds co-topic neighbours to snapshot-based results: each measure is scaled to [0, 1] by its best candidate, as
    /// <see cref="Relatedness"/> does, and the scores are summed per paper.
    /// </summary>
    public static IReadOnlyList<RelatedPaperView> Combine(IReadOnlyList<RelatedPaperView> fromSnapshot, IReadOnlyList<CoTopicPaper> coTopic, int first)
    {
        if (coTopic.Count == 0)
        {
            return fromSnapshot.Take(first).ToList();
        }

        var best = coTopic.Max(c => c.Score);
        var merged = fromSnapshot.ToDictionary(r => r.Paper.Id, r => r, StringComparer.Ordinal);
        foreach (var view in coTopic.Select(FromCoTopic))
        {
            var scaled = best > 0 ? view.Score / best : 0;
            merged[view.Paper.Id] = merged.TryGetValue(view.Paper.Id, out var existing)
                ? existing with { Score = existing.Score + scaled, Reasons = [.. existing.Reasons, .. view.Reasons] }
                : view with { Score = scaled };
        }

        return merged.Values.OrderByDescending(r => r.Score).ThenBy(r => r.Paper.Id, StringComparer.Ordinal).Take(first).ToList();
    }
}
