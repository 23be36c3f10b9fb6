namespace CiteGraph.Embeddings.Tests;

/// <summary>One loaded model for every test in the assembly: loading takes seconds, embedding is thread-safe.</summary>
public sealed class MiniLmFixture : IDisposable
{
    public MiniLmEmbedder Embedder { get; } = new();

    public void Dispose() => Embedder.Dispose();
}
