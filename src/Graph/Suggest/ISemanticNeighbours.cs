namespace CiteGraph.Graph.Suggest;

/// <summary>
/// The semantic feature's plug: nearest papers of a paper by sentence-embedding cosine. The suggestion engine works
/// without it (the <see cref="SuggestionFeature.Semantic"/> feature is then zero everywhere).
/// </summary>
public interface ISemanticNeighbours
{
    /// <summary>Up to <paramref name="k"/> papers (dense snapshot indexes, never <paramref name="paper"/> itself) most similar to it, best first.</summary>
    IReadOnlyList<(int Paper, float Similarity)> Nearest(int paper, int k);

    /// <summary>The cosine of two papers, or null when either has no vector.</summary>
    float? Similarity(int a, int b);

    /// <summary>The paper's unit vector, or null when it has none (or the plug keeps no vectors): what <see cref="CitationProjection"/> is fitted on.</summary>
    ReadOnlyMemory<float>? Vector(int paper) => null;
}
