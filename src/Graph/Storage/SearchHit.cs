using CiteGraph.Graph.Model;

namespace CiteGraph.Graph.Storage;

/// <summary>A full-text match: the paper, its relevance (higher is better) and a snippet with the matched terms.</summary>
public sealed record SearchHit(Paper Paper, double Score, string Snippet);
