namespace CiteGraph.Graph.Suggest;

/// <summary>
/// The models learned from the graph's citations (<see cref="CitationProjection"/>, <see cref="TermAssociation"/>), fitted
/// only on the explicit citations made by papers published before <see cref="Before"/>, so that a held-out paper (and the
/// papers a weight fit trains on) never learns from its own references or later ones.
/// </summary>
/// <param name="Before">Citations whose citing paper is of this year or later were not seen; null: every citation.</param>
/// <param name="Projection">The embedding map, or null without vectors or with too few citations.</param>
/// <param name="Association">The term association, or null with too few citations.</param>
public sealed record CitationModels(int? Before, CitationProjection? Projection, TermAssociation? Association)
{
    /// <summary>
    /// Shrinkage of the projection towards the identity, relative to the number of citations it is fitted on
    /// (<see cref="CitationProjection.Fit"/>), chosen by cross-validation on the training papers (bench/RESULTS.md).
    /// </summary>
    public const double ProjectionShrinkage = 1;

    /// <summary>Fits both models on the explicit citations of <paramref name="corpus"/> whose citing paper is dated before <paramref name="before"/> (all when null).</summary>
    public static CitationModels Fit(SuggestionCorpus corpus, int? before, double projectionShrinkage = ProjectionShrinkage)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var snapshot = corpus.Snapshot;
        var pairs = new List<(int, int)>();
        for (var citing = 0; citing < snapshot.PaperCount; citing++)
        {
            if (corpus.Titles[citing] is null || (before is { } limit && !(corpus.Months[citing].Year is { } year && year < limit)))
            {
                continue;
            }

            foreach (var cited in corpus.ExplicitReferences(citing))
            {
                pairs.Add((citing, cited));
            }
        }

        var projection = corpus.Semantic is { } semantic ? CitationProjection.Fit(pairs, semantic.Vector, projectionShrinkage) : null;
        return new CitationModels(before, projection, TermAssociation.Fit(corpus.Terms, pairs));
    }
}
