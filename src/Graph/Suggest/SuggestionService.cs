using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Traversal;

namespace CiteGraph.Graph.Suggest;

/// <summary>
/// Suggested references over the current snapshot: builds the <see cref="SuggestionCorpus"/> (texts, TF-IDF index)
/// and reads the stored sentence embeddings once per snapshot version, on first use, and reuses them until the snapshot is replaced.
/// </summary>
public sealed class SuggestionService(IGraphStore store, SnapshotHolder snapshots)
{
    private readonly SemaphoreSlim _build = new(1, 1);
    private SuggestionCorpus? _corpus;

    /// <summary>The weights suggestions are scored with.</summary>
    public SuggestionWeights Weights { get; init; } = SuggestionWeights.Fitted;

    /// <summary>The corpus of the current snapshot, building it when the snapshot changed since the last call.</summary>
    public async Task<SuggestionCorpus> CorpusAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = snapshots.Current;
        if (Volatile.Read(ref _corpus) is { } ready && ReferenceEquals(ready.Snapshot, snapshot))
        {
            return ready;
        }

        await _build.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            snapshot = snapshots.Current;
            if (_corpus is { } built && ReferenceEquals(built.Snapshot, snapshot))
            {
                return built;
            }

            var corpus = await SuggestionCorpus.BuildAsync(store, snapshot, cancellationToken: cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _corpus, corpus);
            return corpus;
        }
        finally
        {
            _build.Release();
        }
    }

    /// <summary>The best <paramref name="first"/> suggested references of a paper (dense index of <paramref name="corpus"/>'s snapshot).</summary>
    public IReadOnlyList<RelatedResult> Suggest(SuggestionCorpus corpus, int paper, int first) =>
        SuggestionEngine.Suggest(corpus, paper, first, Weights);
}
