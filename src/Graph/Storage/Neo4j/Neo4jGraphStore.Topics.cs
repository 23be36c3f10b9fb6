using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Storage.Neo4j;

public sealed partial class Neo4jGraphStore
{
    // The topic layer (issue 5) is stored in SQLite only so far; each member says so instead of answering wrongly.
    private static NotSupportedException TopicsNotStored() =>
        new("The Neo4j store does not hold the topic layer yet (topics, co-topic, inferred lineage): use the SQLite store for topics.");

    /// <inheritdoc />
    public IAsyncEnumerable<PaperText> ReadPaperTextsAsync(CancellationToken cancellationToken = default) => throw TopicsNotStored();

    /// <inheritdoc />
    public Task WriteTopicGraphAsync(TopicGraph graph, CancellationToken cancellationToken = default) => throw TopicsNotStored();

    /// <inheritdoc />
    public Task<int> ReplaceInferredCitationsAsync(IReadOnlyList<Citation> citations, CancellationToken cancellationToken = default) => throw TopicsNotStored();

    /// <inheritdoc />
    public Task<Topic?> FindTopicAsync(string nameOrAlias, CancellationToken cancellationToken = default) => throw TopicsNotStored();

    /// <inheritdoc />
    public Task<Page<Topic>> GetTopicsAsync(int first, int after, TopicOrder order, CancellationToken cancellationToken = default) => throw TopicsNotStored();

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<PaperTopic>>> GetTopicsOfPapersAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken = default) =>
        throw TopicsNotStored();

    /// <inheritdoc />
    public Task<Page<Paper>> GetPapersOfTopicAsync(string topicName, int first, int after, CancellationToken cancellationToken = default) => throw TopicsNotStored();

    /// <inheritdoc />
    public Task<IReadOnlyList<RelatedTopic>> GetRelatedTopicsAsync(string topicName, int first, CancellationToken cancellationToken = default) => throw TopicsNotStored();

    /// <inheritdoc />
    public Task<IReadOnlyList<CoTopicPaper>> GetCoTopicPapersAsync(string paperId, int first, CancellationToken cancellationToken = default) => throw TopicsNotStored();

    /// <inheritdoc />
    public Task<EdgeList> ReadCoTopicGraphAsync(CancellationToken cancellationToken = default) => throw TopicsNotStored();

    /// <inheritdoc />
    public Task<Page<CitationLink>> GetCitationsAsync(CitationQuery query, CancellationToken cancellationToken = default) => throw TopicsNotStored();
}
