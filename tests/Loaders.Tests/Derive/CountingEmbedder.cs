using CiteGraph.Embeddings;

namespace CiteGraph.Loaders.Tests.Derive;

/// <summary>The real all-MiniLM-L6-v2, loaded once per test class, counting the texts it is asked to embed.</summary>
public sealed class CountingEmbedder : ITextEmbedder, IDisposable
{
    private readonly MiniLmEmbedder _model = new();
    private int _embedded;

    public int Dimensions => _model.Dimensions;

    /// <summary>Texts embedded since the last <see cref="Reset"/>.</summary>
    public int Embedded => Volatile.Read(ref _embedded);

    public void Reset() => Volatile.Write(ref _embedded, 0);

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref _embedded, texts.Count);
        return _model.Embed(texts, cancellationToken);
    }

    public void Dispose() => _model.Dispose();
}
