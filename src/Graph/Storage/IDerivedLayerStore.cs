using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Storage;

/// <summary>
/// A role of a graph store: the derive pass's input and output: paper texts in, the topic layer and inferred citations out. A store implements every role it supports; <see cref="IGraphStore"/>
/// is all of them. Implementations are safe for concurrent readers while one writer writes.
/// </summary>
public interface IDerivedLayerStore
{
    /// <summary>
    /// Every non-stub paper with what the topic and lineage derive pass needs (text, dates, ids, authors, keywords,
    /// mentioned ids), in a stable order. Streams: the corpus is never held by the store.
    /// </summary>
    IAsyncEnumerable<PaperText> ReadPaperTextsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the whole topic layer (topics, HAS_TOPIC, CO_TOPIC, CO_OCCURS) with <paramref name="graph"/> in one
    /// transaction. Writing the same graph again changes nothing. Rows naming unknown papers are skipped.
    /// </summary>
    Task WriteTopicGraphAsync(TopicGraph graph, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces every inferred citation with <paramref name="citations"/> (all of kind inferred) in one transaction, so
    /// inferences a re-run no longer makes disappear. Explicit citations are untouched and, as in
    /// <see cref="IPaperWriter.UpsertCitationsAsync"/>, never shadowed: an inferred citation of an explicitly cited pair is skipped.
    /// Writing the same set again changes nothing.
    /// </summary>
    /// <returns>The number of inferred citations stored.</returns>
    Task<int> ReplaceInferredCitationsAsync(IReadOnlyList<Citation> citations, CancellationToken cancellationToken = default);
}
