namespace CiteGraph.Graph.Model;

/// <summary>A topic a paper carries (HAS_TOPIC) with its weight in (0, 1], 1 for the paper's strongest topic.</summary>
public sealed record PaperTopic(Topic Topic, double Weight);

/// <summary>A topic that co-occurs with another (CO_OCCURS): papers carrying both, and pointwise mutual information.</summary>
public sealed record RelatedTopic(Topic Topic, int Count, double Pmi);

/// <summary>Why a paper is co-topic to another: the kind of link (<c>CO_TOPIC</c>), its text (a shared topic) and weight.</summary>
public sealed record CoTopicReason(string Kind, string Text, double Weight);

/// <summary>A paper sharing topics with another (CO_TOPIC), with its score and the shared topics as reasons.</summary>
public sealed record CoTopicPaper(Paper Paper, double Score, IReadOnlyList<CoTopicReason> Reasons);

/// <summary>One end of a CITES relationship seen from the other end: the paper, and how the citation is known.</summary>
public sealed record CitationLink(Paper Paper, CitationKind Kind, double Confidence, string? Evidence);
