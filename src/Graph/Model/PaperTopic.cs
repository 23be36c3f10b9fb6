namespace CiteGraph.Graph.Model;

/// <summary>A topic a paper carries (HAS_TOPIC) with its weight in (0, 1], 1 for the paper's strongest topic.</summary>
public sealed record PaperTopic(Topic Topic, double Weight);

/// <summary>A topic that co-occurs with another (CO_OCCURS): papers carrying both, and pointwise mutual information.</summary>
public sealed record RelatedTopic(Topic Topic, int Count, double Pmi);

/// <summary>Why a paper is related to another: the kind of link (e.g. <c>CO_TOPIC</c>), its text (a shared topic) and weight.</summary>
public sealed record RelatedReason(string Kind, string Text, double Weight);

/// <summary>A paper related to another, with a score and the reasons.</summary>
public sealed record RelatedPaper(Paper Paper, double Score, IReadOnlyList<RelatedReason> Reasons);

/// <summary>One end of a CITES relationship seen from the other end: the paper, and how the citation is known.</summary>
public sealed record CitationLink(Paper Paper, CitationKind Kind, double Confidence, string? Evidence);
