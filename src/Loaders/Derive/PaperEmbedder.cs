using System.Diagnostics;
using CiteGraph.Embeddings;
using CiteGraph.Graph.Storage;

namespace CiteGraph.Loaders.Derive;

/// <summary>
/// The embedding stage of the derive pass: collects, while the pass reads the corpus, the papers whose stored vector is
/// missing or was computed from another text (<see cref="EmbeddingText.Hash"/>), then embeds them in batches and writes
/// each batch, reporting progress with the time left.
/// </summary>
internal sealed class PaperEmbedder
{
    private readonly IPaperVectorStore _store;
    private readonly IReadOnlyDictionary<string, string> _stored;
    private readonly List<(string Id, string Text, string Hash)> _pending = [];

    private PaperEmbedder(IPaperVectorStore store, IReadOnlyDictionary<string, string> stored)
    {
        _store = store;
        _stored = stored;
    }

    /// <summary>Papers whose vector is current.</summary>
    public int Current { get; private set; }

    /// <summary>Papers to embed.</summary>
    public int Pending => _pending.Count;

    /// <summary>The stage for a store, or null (with the reason) when the store keeps no vectors.</summary>
    public static async Task<(PaperEmbedder? Stage, string? Skipped)> StartAsync(IGraphStore store, CancellationToken cancellationToken)
    {
        if (store is not IPaperVectorStore vectors)
        {
            return (null, $"{store} keeps no vectors");
        }

        return (new PaperEmbedder(vectors, await vectors.ReadVectorHashesAsync(cancellationToken).ConfigureAwait(false)), null);
    }

    /// <summary>Notes a paper the pass read: queued when its text has no current vector.</summary>
    public void Add(string id, string title, string? abstractText)
    {
        var text = EmbeddingText.Of(title, abstractText);
        var hash = EmbeddingText.Hash(text);
        if (_stored.TryGetValue(id, out var stored) && stored == hash)
        {
            Current++;
        }
        else
        {
            _pending.Add((id, text, hash));
        }
    }

    /// <summary>Embeds and writes every queued paper; returns how many were written, or the reason nothing could be.</summary>
    public async Task<(int Embedded, string? Skipped)> RunAsync(DeriveOptions options, IProgress<DeriveProgress>? progress, CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return (0, null);
        }

        var owned = options.Embedder is null;
        ITextEmbedder embedder;
        try
        {
            progress?.Report(new DeriveProgress("loading the embedding model", 0, _pending.Count));
            embedder = options.Embedder?.Invoke() ?? new MiniLmEmbedder();
        }
        catch (EmbedderUnavailableException e)
        {
            return (0, e.Message);
        }

        try
        {
            var clock = Stopwatch.StartNew();
            var written = 0;
            var done = 0;
            foreach (var chunk in _pending.Chunk(Math.Max(1, options.EmbedBatchSize)))
            {
                // CPU-bound for seconds: off the caller's thread, so a hosted ingest does not hold a request thread.
                var vectors = await Task.Run(() => embedder.Embed(chunk.Select(p => p.Text).ToArray(), cancellationToken), cancellationToken).ConfigureAwait(false);
                written += await _store.WriteVectorsAsync(chunk.Select((p, i) => new PaperVector(p.Id, p.Hash, vectors[i])).ToList(), cancellationToken).ConfigureAwait(false);
                done += chunk.Length;
                var remaining = TimeSpan.FromSeconds(clock.Elapsed.TotalSeconds / done * (_pending.Count - done));
                progress?.Report(new DeriveProgress("embedding", done, _pending.Count, remaining));
            }

            return (written, null);
        }
        finally
        {
            if (owned)
            {
                (embedder as IDisposable)?.Dispose();
            }
        }
    }
}
