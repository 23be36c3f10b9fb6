using System.Collections.Concurrent;
using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;

namespace CiteGraph.Graph.Suggest;

/// <summary>
/// What the suggestion engine reads besides the snapshot, aligned with the snapshot's dense paper indexes: each paper's
/// month, title and TF-IDF vector, the papers in order of citations received, and the optional semantic neighbours.
/// Built once per snapshot (<see cref="SuggestionService"/>), immutable.
/// </summary>
public sealed class SuggestionCorpus
{
    private readonly ConcurrentDictionary<int, Lazy<CitationModels>> _models = new();
    private int _modelsFitted;

    private SuggestionCorpus(GraphSnapshot snapshot, PaperMonth[] months, string?[] titles, TermIndex terms, int[] byCitations, ISemanticNeighbours? semantic)
    {
        Snapshot = snapshot;
        Months = months;
        Titles = titles;
        Terms = terms;
        ByCitations = byCitations;
        Semantic = semantic;
        Ages = CitationAges.Measure(snapshot, months);
    }

    public GraphSnapshot Snapshot { get; }

    /// <summary>Per paper; unknown for stubs.</summary>
    public IReadOnlyList<PaperMonth> Months { get; }

    /// <summary>Per paper; null for stubs.</summary>
    public IReadOnlyList<string?> Titles { get; }

    public TermIndex Terms { get; }

    /// <summary>Papers with text, most cited first (citations of every kind in the snapshot): the candidates popularity alone would name.</summary>
    public IReadOnlyList<int> ByCitations { get; }

    /// <summary>How readily the graph's papers cite papers of each age.</summary>
    public CitationAges Ages { get; }

    /// <summary>The embedding neighbours, or null when none are plugged in.</summary>
    public ISemanticNeighbours? Semantic { get; }

    /// <summary>
    /// The models learned from the explicit citations made by papers dated before <paramref name="before"/> (every
    /// citation when null), fitted on first use and kept for this snapshot.
    /// </summary>
    public CitationModels ModelsBefore(int? before) =>
        _models.GetOrAdd(before ?? int.MaxValue, key => new Lazy<CitationModels>(() =>
        {
            Interlocked.Increment(ref _modelsFitted);
            return CitationModels.Fit(this, key == int.MaxValue ? null : key);
        })).Value;

    /// <summary>How many times <see cref="ModelsBefore"/> fitted models (tests: a served request whose weights need none fits none).</summary>
    internal int ModelsFitted => Volatile.Read(ref _modelsFitted);

    /// <summary>
    /// Reads every paper's text from <paramref name="store"/> and indexes the papers <paramref name="snapshot"/> knows;
    /// the semantic neighbours are <paramref name="semantic"/> when given, else the sentence embeddings the store keeps
    /// (<see cref="StoredVectorNeighbours"/>), else none.
    /// </summary>
    public static async Task<SuggestionCorpus> BuildAsync(IGraphStore store, GraphSnapshot snapshot, ISemanticNeighbours? semantic = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(snapshot);
        var months = new PaperMonth[snapshot.PaperCount];
        var titles = new string?[snapshot.PaperCount];
        var texts = new (string Title, string? Abstract)?[snapshot.PaperCount];
        await foreach (var paper in store.ReadPaperTextsAsync(cancellationToken).ConfigureAwait(false))
        {
            // A paper added after the snapshot was built waits for the next snapshot.
            if (snapshot.TryGetIndex(paper.Id, out var index))
            {
                months[index] = PaperMonth.Of(paper.Published, paper.Year ?? snapshot.Year(index));
                titles[index] = paper.Title;
                texts[index] = (paper.Title, paper.Abstract);
            }
        }

        var byCitations = Enumerable.Range(0, snapshot.PaperCount).Where(p => texts[p] is not null)
            .OrderByDescending(snapshot.Citations.InDegree).ThenBy(p => p).ToArray();
        semantic ??= await StoredVectorNeighbours.ReadAsync(store, snapshot, cancellationToken).ConfigureAwait(false);
        return new SuggestionCorpus(snapshot, months, titles, TermIndex.Build(texts), byCitations, semantic);
    }
}
