using System.Globalization;
using CiteGraph.Embeddings;
using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage;
using CiteGraph.GraphQL.Errors;
using GraphQL;
using CiteGraph.Graph.Traversal;

namespace CiteGraph.GraphQL.Views;

/// <summary>Co-topic neighbours (from the store) in the shape of every other related paper.</summary>
internal static class RelatedViews
{
    public static RelatedPaperView FromCoTopic(CoTopicPaper related) => new(
        related.Paper,
        related.Score,
        [new RelatedReason(RelatedBy.CoTopic, related.Score, CoTopicReasons.Describe(related.Reasons))]);

    /// <summary>
    /// The papers nearest a paper's sentence embedding, best first, with the cosine as score and reason; empty when the
    /// paper has no vector. When SEMANTIC is the only measure asked for and no vectors are stored at all, that is an error.
    /// </summary>
    public static async Task<IReadOnlyList<RelatedPaperView>> SemanticAsync(
        IGraphStore store, VectorIndex index, string paperId, int first, bool only, CancellationToken cancellationToken)
    {
        if (index.Count == 0 && only)
        {
            throw new ExecutionError("No paper has a sentence embedding yet: run 'citegraph derive' (without --no-embed) to compute them.")
            {
                Code = ErrorCodes.SemanticUnavailable,
            };
        }

        var self = index.IndexOf(paperId);
        if (self < 0)
        {
            return [];
        }

        var hits = index.Search(index.VectorAt(self), first, i => i != self);
        var papers = await store.GetPapersAsync(hits.Select(h => h.Id).ToList(), cancellationToken).ConfigureAwait(false);
        return hits.Where(h => papers.ContainsKey(h.Id))
            .Select(h => new RelatedPaperView(
                papers[h.Id],
                h.Score,
                [new RelatedReason(RelatedBy.Semantic, h.Score, $"similar in meaning: cosine {h.Score.ToString("0.00", CultureInfo.InvariantCulture)} between title+abstract embeddings")]))
            .ToList();
    }

    /// <summary>
    /// Adds co-topic and semantic neighbours to snapshot-based results: each measure is scaled to [0, 1] by its best
    /// candidate, as <see cref="Relatedness"/> does, and the scores are summed per paper.
    /// </summary>
    public static IReadOnlyList<RelatedPaperView> Combine(
        IReadOnlyList<RelatedPaperView> fromSnapshot, IReadOnlyList<CoTopicPaper> coTopic, IReadOnlyList<RelatedPaperView> semantic, int first)
    {
        var merged = fromSnapshot.ToDictionary(r => r.Paper.Id, r => r, StringComparer.Ordinal);
        foreach (var measure in new[] { coTopic.Select(FromCoTopic).ToList(), semantic })
        {
            if (measure.Count == 0)
            {
                continue;
            }

            var best = measure.Max(c => c.Score);
            foreach (var view in measure)
            {
                var scaled = best > 0 ? view.Score / best : 0;
                merged[view.Paper.Id] = merged.TryGetValue(view.Paper.Id, out var existing)
                    ? existing with { Score = existing.Score + scaled, Reasons = [.. existing.Reasons, .. view.Reasons] }
                    : view with { Score = scaled };
            }
        }

        return merged.Values.OrderByDescending(r => r.Score).ThenBy(r => r.Paper.Id, StringComparer.Ordinal).Take(first).ToList();
    }
}
