using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Storage;

/// <summary>
/// A role of a graph store: reading the topic layer the derive pass wrote: topics, their papers, co-occurring topics, co-topic neighbours. A store implements every role it supports; <see cref="IGraphStore"/>
/// is all of them. Implementations are safe for concurrent readers while one writer writes.
/// </summary>
public interface ITopicReader
{
    /// <summary>A topic by canonical name, any alias (case-insensitive) or topic id; null when none matches.</summary>
    Task<Topic?> FindTopicAsync(string nameOrAlias, CancellationToken cancellationToken = default);

    /// <summary>A page of topics in the given order.</summary>
    /// <param name="first">Page size.</param>
    /// <param name="after">Number of topics to skip.</param>
    /// <param name="order">The order.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<Page<Topic>> GetTopicsAsync(int first, int after, TopicOrder order, CancellationToken cancellationToken = default);

    /// <summary>The topics of each paper (HAS_TOPIC), strongest first; one read for a whole page of papers.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<PaperTopic>>> GetTopicsOfPapersAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default);

    /// <summary>A page of the papers carrying a topic (by canonical name), strongest weight first.</summary>
    Task<Page<Paper>> GetPapersOfTopicAsync(string topicName, int first, int after, CancellationToken cancellationToken = default);

    /// <summary>The topics that co-occur with a topic (CO_OCCURS), highest PMI among those shared by at least two papers first.</summary>
    Task<IReadOnlyList<RelatedTopic>> GetRelatedTopicsAsync(string topicName, int first, CancellationToken cancellationToken = default);

    /// <summary>A paper's CO_TOPIC neighbours (its top-k by idf-weighted shared topics), best first, with the shared topics as reasons.</summary>
    Task<IReadOnlyList<CoTopicPaper>> GetCoTopicPapersAsync(string paperId, int first, CancellationToken cancellationToken = default);

    /// <summary>
    /// The CO_TOPIC neighbours of each paper, at most <paramref name="first"/> each, best first, in one read for a whole
    /// page of papers; papers without neighbours (or unknown) are absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<CoTopicPaper>>> GetCoTopicPapersOfPapersAsync(IReadOnlyCollection<string> paperIds, int first, CancellationToken cancellationToken = default);

    /// <summary>
    /// The broader or narrower topics of each topic (by canonical name), most papers first, in one read for a whole page
    /// of topics; topics without any (or unknown) are absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<Topic>>> GetTopicHierarchyAsync(IReadOnlyCollection<string> topicNames, TopicRelation relation, CancellationToken cancellationToken = default);

    /// <summary>
    /// The shared topics that made each CO_TOPIC pair (stored from either paper's side), with what each contributed to
    /// the pair's weight, best first, in one read for all the pairs; pairs with no CO_TOPIC edge are absent.
    /// </summary>
    Task<IReadOnlyDictionary<PaperPair, IReadOnlyList<CoTopicReason>>> GetCoTopicEvidenceAsync(IReadOnlyCollection<PaperPair> pairs, CancellationToken cancellationToken = default);
}
