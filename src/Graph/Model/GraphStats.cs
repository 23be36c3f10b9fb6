namespace CiteGraph.Graph.Model;

/// <summary>Node and relationship counts of the whole graph.</summary>
public sealed record GraphStats(
    int Papers,
    int Repos,
    int Topics,
    int Authors,
    int Citations,
    int InferredCitations,
    int Sources,
    int Links,
    int CoTopicEdges = 0);
