namespace CiteGraph.Embeddings;

/// <summary>
/// An embedder created on first use: a server registers one so that the model (seconds to load, about 90 MB) is loaded
/// only when a query needs it. A failed load is not cached: the next call tries again.
/// </summary>
public sealed class LazyTextEmbedder(Func<ITextEmbedder> create, int dimensions) : ITextEmbedder, IDisposable
{
    private readonly Lock _gate = new();
    private ITextEmbedder? _inner;
    private bool _disposed;

    /// <summary>A lazily loaded all-MiniLM-L6-v2.</summary>
    public static LazyTextEmbedder MiniLm() => new(() => new MiniLmEmbedder(), 384);

    /// <inheritdoc/>
    public int Dimensions => dimensions;

    /// <summary>Whether the model has been loaded.</summary>
    public bool IsLoaded => Volatile.Read(ref _inner) is not null;

    /// <inheritdoc/>
    /// <exception cref="EmbedderUnavailableException">The model could not be loaded.</exception>
    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) => Inner().Embed(texts, cancellationToken);

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            (_inner as IDisposable)?.Dispose();
            _inner = null;
        }
    }

    private ITextEmbedder Inner()
    {
        if (Volatile.Read(ref _inner) is { } ready)
        {
            return ready;
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_inner is null)
            {
                var created = create();
                if (created.Dimensions != dimensions)
                {
                    (created as IDisposable)?.Dispose();
                    throw new InvalidOperationException($"The embedder gives {created.Dimensions} dimensions, not the {dimensions} announced.");
                }

                Volatile.Write(ref _inner, created);
            }

            return _inner!;
        }
    }
}
