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
    private readonly ConcurrentDictionary<int, Lazy<ItemCalibration>> _calibrations = new();
    private readonly ConcurrentDictionary<(PaperMonth, int), Lazy<(CitationAges Ages, int[] ByCitations)>> _visibleTo = new();
    private readonly Lazy<Task<ItemCalibration>> _liveCalibration;
    private int _modelsFitted;
    private int _calibrationsMeasured;

    private SuggestionCorpus(GraphSnapshot snapshot, PaperMonth[] months, string?[] titles, TermIndex terms, int[] byCitations, ISemanticNeighbours? semantic)
    {
        Snapshot = snapshot;
        Months = months;
        Titles = titles;
        Terms = terms;
        ByCitations = byCitations;
        Semantic = semantic;
        Ages = CitationAges.Measure(snapshot, months);
        _liveCalibration = new(() => Task.Run(() =>
        {
            Interlocked.Increment(ref _calibrationsMeasured);
            return ItemCalibration.Build(this, graphBefore: null, live: true);
        }));
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

    /// <summary>
    /// What a held-out paper of <paramref name="month"/> may know of the graph as a whole: the citation ages and the papers
    /// in order of citations received, both counting only the citations made by papers strictly before it (and before
    /// <paramref name="graphBefore"/>), never its own or later ones'. Kept per month for this snapshot.
    /// </summary>
    public (CitationAges Ages, IReadOnlyList<int> ByCitations) VisibleTo(PaperMonth month, int? graphBefore)
    {
        var (ages, byCitations) = _visibleTo.GetOrAdd((month, graphBefore ?? int.MaxValue), key => new Lazy<(CitationAges, int[])>(() =>
        {
            bool Visible(int citing) => VisibleToHeldOut(citing, key.Item1, key.Item2 == int.MaxValue ? null : key.Item2);
            var received = new int[Snapshot.PaperCount];
            for (var citing = 0; citing < received.Length; citing++)
            {
                if (Visible(citing))
                {
                    foreach (var cited in Snapshot.Citations.OutNeighbors(citing))
                    {
                        received[cited]++;
                    }
                }
            }

            var popular = Enumerable.Range(0, received.Length).Where(p => received[p] > 0 && Titles[p] is not null)
                .OrderByDescending(p => received[p]).ThenBy(p => p).ToArray();
            return (CitationAges.Measure(Snapshot, Months, Visible), popular);
        })).Value;
        return (ages, byCitations);
    }

    /// <summary>
    /// Whether the citations <paramref name="citing"/> makes may be seen by a held-out paper of <paramref name="month"/>:
    /// made strictly before it, and before <paramref name="graphBefore"/> when the graph is frozen.
    /// </summary>
    public bool VisibleToHeldOut(int citing, PaperMonth month, int? graphBefore) =>
        Months[citing].IsStrictlyBefore(month) && (graphBefore is not { } before || Months[citing].Year < before);

    /// <summary>The papers with text that <paramref name="paper"/> explicitly cites (inferred citations are the engine's guesses, not references).</summary>
    public int[] ExplicitReferences(int paper)
    {
        var known = new List<int>();
        foreach (var cited in Snapshot.Citations.OutNeighbors(paper))
        {
            if (Titles[cited] is not null && !Snapshot.Citation(paper, cited).Inferred)
            {
                known.Add(cited);
            }
        }

        return [.. known];
    }

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

    /// <summary>
    /// The calibration of held-out rankings (<see cref="ItemCalibration"/>) over the papers dated before
    /// <paramref name="graphBefore"/> (every dated paper when null), measured on first use and kept for this snapshot.
    /// </summary>
    public ItemCalibration CalibrationBefore(int? graphBefore) =>
        _calibrations.GetOrAdd(graphBefore ?? int.MaxValue, key => new Lazy<ItemCalibration>(() =>
        {
            Interlocked.Increment(ref _calibrationsMeasured);
            return ItemCalibration.Build(this, key == int.MaxValue ? null : key, live: false);
        })).Value;

    /// <summary>
    /// The live graph's calibration (the most recent papers with references), measured once in the background: a request
    /// never waits for it, and until it is ready <see cref="SuggestionFeature.ItemBias"/> is absent (null here).
    /// </summary>
    public ItemCalibration? LiveCalibrationIfReady()
    {
        var task = _liveCalibration.Value;
        return task.IsCompletedSuccessfully ? task.Result : null;
    }

    /// <summary>The live calibration, waiting for it (the CLI and tests, where the answer must not depend on timing).</summary>
    public Task<ItemCalibration> LiveCalibrationAsync() => _liveCalibration.Value;

    /// <summary>How many item calibrations were measured (tests: a served request whose weights give it 0 measures none).</summary>
    internal int CalibrationsMeasured => Volatile.Read(ref _calibrationsMeasured);

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
