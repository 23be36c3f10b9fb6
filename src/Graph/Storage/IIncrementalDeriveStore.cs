using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Storage;

/// <summary>
/// A role of a graph store: what an incremental derive pass reads and writes, so that a load or ingest of a few papers
/// into a large store derives topics, co-topics and inferred lineage for the papers it wrote (and the papers they touch)
/// through the store's indexes, instead of re-reading the whole corpus (<see cref="IDerivedLayerStore"/>). Reads go by
/// id, by topic and through the full-text index, never by scanning; the write replaces the derived rows of the given
/// papers in one transaction, so a re-run (a retry after a crash) ends in the same state.
/// </summary>
public interface IIncrementalDeriveStore
{
    /// <summary>The last corpus-wide derive pass recorded (<see cref="WriteFullDeriveAsync"/>), or null when none was.</summary>
    Task<FullDeriveMark?> ReadFullDeriveAsync(CancellationToken cancellationToken = default);

    /// <summary>Records that a corpus-wide derive pass finished over <see cref="FullDeriveMark.Papers"/> papers.</summary>
    Task WriteFullDeriveAsync(FullDeriveMark mark, CancellationToken cancellationToken = default);

    /// <summary>What <see cref="IDerivedLayerStore.ReadPaperTextsAsync"/> reads, for the named non-stub papers only (unknown ids skipped), in the same order.</summary>
    Task<IReadOnlyList<PaperText>> ReadPaperTextsAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default);

    /// <summary>Every stored topic (name, aliases, df, idf): the vocabulary new papers are described with.</summary>
    Task<IReadOnlyList<Topic>> ReadTopicsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The papers carrying each topic (by <see cref="Topic.Id"/>), at most <paramref name="limit"/> per topic, in a
    /// stable order: the HAS_TOPIC index read the way the co-topic builder walks its inverted index.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ReadTopicPapersAsync(
        IReadOnlyCollection<string> topicIds, int limit, CancellationToken cancellationToken = default);

    /// <summary>Each named paper's HAS_TOPIC rows (topic id and weight), strongest first; papers without topics are absent.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<TopicAssignment>>> ReadPaperTopicsAsync(
        IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default);

    /// <summary>The stored CO_TOPIC rows (the top-k lists) of the named papers.</summary>
    Task<IReadOnlyList<CoTopicRow>> ReadCoTopicRowsAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// For each phrase, the non-stub papers whose title or abstract (only the title when <paramref name="titleOnly"/>)
    /// holds its words consecutively (the full-text index; case, punctuation and word endings ignored, so a superset of
    /// the exact text, which the rules then check), at most <paramref name="limit"/> per phrase, in a stable order.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> FindPapersWritingAsync(
        IReadOnlyCollection<string> phrases, int limit, bool titleOnly = false, CancellationToken cancellationToken = default);

    /// <summary>Non-stub papers whose text mentions one of <paramref name="ids"/> (arXiv ids, DOIs), by paper id.</summary>
    Task<IReadOnlyList<string>> FindPapersMentioningAsync(IReadOnlyCollection<ExternalId> ids, CancellationToken cancellationToken = default);

    /// <summary>Non-stub papers that have one of <paramref name="ids"/> as their own arXiv id or DOI.</summary>
    Task<IReadOnlyList<string>> FindPapersByExternalIdsAsync(IReadOnlyCollection<ExternalId> ids, CancellationToken cancellationToken = default);

    /// <summary>
    /// The stored sentence embeddings of the named papers (the same-subject gate of inferred citations reads them); none
    /// from a store that keeps no vectors.
    /// </summary>
    Task<IReadOnlyList<PaperVector>> ReadVectorsOfAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces, in one transaction, the derived rows of <see cref="DerivedLayerUpdate.Papers"/> (after creating the
    /// <see cref="DerivedLayerUpdate.NewTopics"/> the store lacks): their HAS_TOPIC rows, the
    /// CO_TOPIC lists of <see cref="DerivedLayerUpdate.CoTopicOwners"/>, and every inferred citation with one of the
    /// papers on either side (explicit citations untouched and never shadowed, as in
    /// <see cref="IDerivedLayerStore.ReplaceInferredCitationsAsync"/>); then sets the df of every topic whose papers
    /// changed to the papers now carrying it. Writing the same update again changes nothing.
    /// </summary>
    /// <returns>The number of inferred citations stored.</returns>
    Task<int> WriteDerivedOfPapersAsync(DerivedLayerUpdate update, CancellationToken cancellationToken = default);
}

/// <summary>A corpus-wide derive pass, as recorded in the store.</summary>
/// <param name="Papers">Non-stub papers the pass derived.</param>
/// <param name="At">When it finished.</param>
public sealed record FullDeriveMark(int Papers, DateTimeOffset At);

/// <summary>A HAS_TOPIC row by topic id.</summary>
/// <param name="PaperId">The paper.</param>
/// <param name="TopicId">The topic (<see cref="Topic.Id"/>).</param>
/// <param name="Weight">Weight in (0, 1].</param>
public readonly record struct TopicAssignment(string PaperId, string TopicId, double Weight);

/// <summary>What an incremental derive pass writes (<see cref="IIncrementalDeriveStore.WriteDerivedOfPapersAsync"/>).</summary>
/// <param name="Papers">Papers whose HAS_TOPIC rows and inferred citations (either side) are replaced.</param>
/// <param name="HasTopic">Their new HAS_TOPIC rows.</param>
/// <param name="CoTopicOwners">Papers whose CO_TOPIC lists are replaced (the papers, and neighbours whose lists they entered).</param>
/// <param name="CoTopic">The new lists of <paramref name="CoTopicOwners"/>.</param>
/// <param name="Inferred">The inferred citations with one of <paramref name="Papers"/> on either side.</param>
public sealed record DerivedLayerUpdate(
    IReadOnlyCollection<string> Papers,
    IReadOnlyList<TopicAssignment> HasTopic,
    IReadOnlyCollection<string> CoTopicOwners,
    IReadOnlyList<CoTopicRow> CoTopic,
    IReadOnlyList<Citation> Inferred)
{
    /// <summary>
    /// Topics the papers brought that the store does not have yet (by name), created before the HAS_TOPIC rows that
    /// name them; their df is counted like the others'.
    /// </summary>
    public IReadOnlyList<Topic> NewTopics { get; init; } = [];
}
