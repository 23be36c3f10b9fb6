namespace CiteGraph.Graph.Model;

/// <summary>
/// The derived topic layer of the whole corpus, as one derive pass computes it and a store writes it at once:
/// topics, HAS_TOPIC, CO_TOPIC (top-k per paper, never all pairs) and CO_OCCURS between topics.
/// </summary>
/// <param name="Topics">Every topic, indexed by position (the <c>Topic</c> fields of the other lists point here).</param>
/// <param name="HasTopic">HAS_TOPIC: paper id, topic index, weight in (0, 1].</param>
/// <param name="CoTopic">CO_TOPIC rows of each paper's top-k: paper id, other paper id, weight, number of shared topics, best shared topics.</param>
/// <param name="CoOccurs">CO_OCCURS: two topic indexes (first &lt; second), papers carrying both, pointwise mutual information.</param>
public sealed record TopicGraph(
    IReadOnlyList<Topic> Topics,
    IReadOnlyList<HasTopicRow> HasTopic,
    IReadOnlyList<CoTopicRow> CoTopic,
    IReadOnlyList<CoOccursRow> CoOccurs)
{
    /// <summary>BROADER: a topic (by index) and a broader one whose words it contains ("latent diffusion" → "diffusion").</summary>
    public IReadOnlyList<TopicLinkRow> Broader { get; init; } = [];
}

/// <summary>A BROADER relationship: <paramref name="Narrower"/> names a kind of <paramref name="Broader"/> (topic indexes).</summary>
public readonly record struct TopicLinkRow(int Narrower, int Broader);

/// <summary>A HAS_TOPIC relationship by paper id and topic index.</summary>
public readonly record struct HasTopicRow(string PaperId, int Topic, double Weight);

/// <summary>A CO_TOPIC relationship from one paper's top-k list.</summary>
public sealed record CoTopicRow(string PaperId, string OtherId, double Weight, int Shared, IReadOnlyList<string> Reasons)
{
    /// <summary>
    /// What each of <see cref="Reasons"/> contributed to <see cref="Weight"/> (same order): idf of the shared topic over
    /// the two papers' norms, so the contributions of every shared topic sum to the weight. Empty when not computed.
    /// </summary>
    public IReadOnlyList<double> ReasonWeights { get; init; } = [];
}

/// <summary>A CO_OCCURS relationship between two topics (by index).</summary>
public readonly record struct CoOccursRow(int First, int Second, int Count, double Pmi);
