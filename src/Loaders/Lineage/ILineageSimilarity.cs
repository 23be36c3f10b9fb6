namespace CiteGraph.Loaders.Lineage;

/// <summary>
/// How much two papers of a lineage corpus are about the same thing, in [0, 1]. An inferred citation must survive it:
/// a shared acronym between a Koopman paper and a music-generation paper is a collision, not a citation. Pluggable so
/// that other measures (sentence embeddings, say) can replace or join the term-based one.
/// </summary>
public interface ILineageSimilarity
{
    /// <summary>A short name for the evidence text (<c>terms</c>, <c>embedding</c>).</summary>
    string Name { get; }

    /// <summary>The similarity of papers <paramref name="a"/> and <paramref name="b"/> (indexes into the corpus the measure was built for).</summary>
    double Similarity(int a, int b);
}
