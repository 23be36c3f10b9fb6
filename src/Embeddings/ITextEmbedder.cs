namespace CiteGraph.Embeddings;

/// <summary>Turns texts into sentence embeddings: one L2-normalised vector per text, so a dot product is a cosine.</summary>
public interface ITextEmbedder
{
    /// <summary>Length of every vector this embedder returns.</summary>
    int Dimensions { get; }

    /// <summary>Embeds <paramref name="texts"/>; the result has one unit-length vector per text, in input order.</summary>
    float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
